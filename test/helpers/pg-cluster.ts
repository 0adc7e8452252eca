import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, chown } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * A throw-away PostgreSQL cluster on a free port, owned by the test that creates it: outage
 * tests stop and freeze it, replication tests put a streaming replica (`pg_basebackup`) beside it.
 * `remove` stops it and deletes its directory; call it in `afterAll`.
 */
export interface TempCluster {
  readonly port: number;
  readonly dataDir: string;
  /** A connection URL for `database` (default `postgres`), as the `postgres` superuser. */
  url(database?: string): string;
  start(): Promise<void>;
  /** Fast shutdown: connections are closed and new ones refused. */
  stop(): Promise<void>;
  /** SIGSTOP to the postmaster and every backend: connections stay open and nothing answers. */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  /** Runs one statement as the superuser (through psql; the cluster must be up). */
  sql(statement: string, database?: string): Promise<string>;
  remove(): Promise<void>;
}

/** Whether this machine can create clusters (PostgreSQL server binaries are installed). */
export async function canCreateClusters(): Promise<boolean> {
  return (await binDir()) !== undefined;
}

/** A new primary cluster, started. */
export async function createTempCluster(): Promise<TempCluster> {
  const cluster = await prepare("ug-pg-");
  await postgres("initdb", ["-D", cluster.dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  await cluster.start();
  return cluster;
}

/** A hot-standby replica streaming from `primary` (`pg_basebackup -R`), started. */
export async function createTempReplica(primary: TempCluster): Promise<TempCluster> {
  const cluster = await prepare("ug-pg-replica-");
  await postgres("pg_basebackup", [
    "-h",
    "127.0.0.1",
    "-p",
    String(primary.port),
    "-U",
    "postgres",
    "-D",
    cluster.dataDir,
    "-R",
    "-X",
    "stream",
    // The default spread checkpoint waits up to checkpoint_timeout (minutes) before copying.
    "-c",
    "fast",
  ]);
  await cluster.start();
  return cluster;
}

async function prepare(prefix: string): Promise<TempCluster> {
  const home = await mkdtemp(join(tmpdir(), prefix));
  const dataDir = join(home, "data");
  if (isRoot()) await chown(home, ...(await postgresIds()));
  const port = await freePort();
  const ctl = (...args: string[]) => postgres("pg_ctl", ["-D", dataDir, ...args]);
  const backendPids = async () => {
    const postmaster = Number((await readFile(join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
    const { stdout } = await run("ps", ["-o", "pid=", "--ppid", String(postmaster)]);
    return [
      postmaster,
      ...stdout
        .split("\n")
        .map(Number)
        .filter((pid) => pid > 0),
    ];
  };
  const signal = async (name: NodeJS.Signals) => {
    for (const pid of await backendPids()) process.kill(pid, name);
  };
  return {
    port,
    dataDir,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start: async () => {
      const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${home} -c fsync=off -c max_connections=60`;
      await ctl("-o", options, "-l", join(home, "server.log"), "-w", "start");
    },
    stop: async () => {
      await ctl("-m", "fast", "-w", "stop");
    },
    freeze: () => signal("SIGSTOP"),
    thaw: () => signal("SIGCONT"),
    sql: async (statement, database = "postgres") => {
      const { stdout } = await run("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-Atc", statement]);
      return stdout.trim();
    },
    remove: async () => {
      await signal("SIGCONT").catch(() => undefined);
      await ctl("-m", "immediate", "-w", "stop").catch(() => undefined);
      await rm(home, { recursive: true, force: true });
    },
  };
}

async function postgres(tool: string, args: string[]): Promise<void> {
  const dir = await binDir();
  if (!dir) throw new Error("PostgreSQL server binaries are not installed (/usr/lib/postgresql/<version>/bin)");
  const command = join(dir, tool);
  if (isRoot()) await run("runuser", ["-u", "postgres", "--", command, ...args]);
  else await run(command, args);
}

async function binDir(): Promise<string | undefined> {
  const versions = await readdir("/usr/lib/postgresql").catch(() => [] as string[]);
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join("/usr/lib/postgresql", newest, "bin") : undefined;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run("id", ["-u", "postgres"]);
  const { stdout: group } = await run("id", ["-g", "postgres"]);
  return [Number(stdout.trim()), Number(group.trim())];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
