import pg from "pg";

/**
 * Connects once with node-postgres before the Prisma client is made, so a wrong DATABASE_URL fails
 * with one line naming what is wrong (host, port, database, role, password) instead of a Prisma
 * error code. The password never appears in the message.
 */
export async function probePostgres(url: string, timeoutMs = 10_000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(postgresProblem(url, error), { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** One line saying why PostgreSQL at `url` cannot be used. */
export function postgresProblem(url: string, error: unknown): string {
  const target = new URL(url);
  const host = target.hostname || "localhost";
  const port = target.port || "5432";
  const database = decodeURIComponent(target.pathname.slice(1)) || decodeURIComponent(target.username) || "(default)";
  const role = decodeURIComponent(target.username) || "(the OS user)";
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case "ECONNREFUSED":
      return `nothing accepts connections at ${host}:${port} (is PostgreSQL running, and on that port?)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `host ${host} does not resolve`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${host}:${port} cannot be reached (${code})`;
    case "3D000":
      return `database "${database}" does not exist on ${host}:${port} (create it: createdb ${database})`;
    case "28000":
      return `role "${role}" is not allowed to connect to ${host}:${port} (${message?.includes("does not exist") ? "no such role" : "pg_hba.conf"})`;
    case "28P01":
      return `password authentication failed for role "${role}" on ${host}:${port}`;
    case "57P03":
      return `PostgreSQL on ${host}:${port} is starting up or shutting down; try again shortly`;
    case "53300":
      return `PostgreSQL on ${host}:${port} has no free connection slots`;
    default:
      if (message?.includes("timeout")) return `${host}:${port} did not answer in time`;
      return `PostgreSQL on ${host}:${port} refused the connection (${code ?? "unknown error"})`;
  }
}
