import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import { startGateway } from "../gateway.js";
import { createLogger, type Logger } from "../logger.js";
import { DEMO_PASSWORD, SUPERADMIN_EMAIL } from "../seed/directory.js";
import { resolveSeedOptions } from "../seed/options.js";
import { runSeed, StoreNotEmptyError } from "../seed/run.js";
import { openStore } from "../store.js";
import { seedProgressReporter } from "./progress.js";
import { isWorker, onStopRequested, reportListening, runWorkers } from "./serve-workers.js";

/**
 * `usage-gateway serve`: migrates the store, loads the demo data into an empty store (unless
 * SEED_ON_START=none), serves HTTP, and shuts down cleanly on SIGTERM/SIGINT, also while it is
 * still starting (an interrupted demo load is rolled back). With `workers` above 1 (PostgreSQL
 * only) the HTTP serving runs in that many worker processes (see runWorkers). Resolves when
 * everything is closed.
 */
export async function serveCommand(config: Config, options: { workers?: number } = {}): Promise<void> {
  const workers = options.workers ?? 1;
  if (workers > 1 && !config.database.url) {
    throw new Error("--workers above 1 needs PostgreSQL (DATABASE_URL): the embedded store can be opened by one process only");
  }
  const logger = createLogger(config.logLevel);
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) {
      logger.warn({ signal }, "second signal: exiting immediately");
      process.exit(1);
    }
    logger.info({ signal }, "shutting down");
    stop.abort(signal);
  };
  // A worker stops when its primary says so: a signal to the whole process group (Ctrl-C,
  // systemd) reaches the primary too, which then stops its workers in order.
  const onProcessSignal = isWorker() ? () => undefined : onSignal;
  if (isWorker()) onStopRequested(() => stop.signal.aborted || onSignal("SIGTERM"));
  process.on("SIGTERM", onProcessSignal);
  process.on("SIGINT", onProcessSignal);
  try {
    const { db, applied } = await openStore(config);
    logger.info({ store: db.kind, location: db.location, migrationsApplied: applied }, "store ready");
    try {
      const seeded = isWorker() ? false : await seedIfEmpty(config, db, logger, stop.signal);
      if (stop.signal.aborted) return;
      if (workers > 1 && !isWorker()) await superviseWorkers(config, db, logger, workers, seeded, stop.signal);
      else await serveUntilStopped(config, db, logger, seeded, stop.signal);
    } finally {
      await db.close();
      logger.info("stopped");
    }
  } finally {
    process.off("SIGTERM", onProcessSignal);
    process.off("SIGINT", onProcessSignal);
    // A worker's channel to its primary would keep the process alive after everything is closed.
    if (isWorker()) process.disconnect?.();
  }
}

async function seedIfEmpty(config: Config, db: Database, logger: Logger, signal: AbortSignal): Promise<boolean> {
  if (config.seedOnStart !== "demo" || (await db.prisma.organization.count()) > 0) return false;
  const progress = seedProgressReporter();
  const started = Date.now();
  try {
    const summary = await runSeed(db.prisma, resolveSeedOptions("demo"), progress.onProgress, signal);
    logger.info({ ...summary, seconds: (Date.now() - started) / 1000 }, "demo data loaded");
    return true;
  } catch (error) {
    if (error instanceof StoreNotEmptyError) return false; // another gateway loaded it meanwhile
    if (!signal.aborted) throw error;
    logger.info("demo data load interrupted and rolled back; it runs again on the next start");
    return false;
  } finally {
    progress.stop();
  }
}

async function superviseWorkers(
  config: Config,
  db: Database,
  logger: Logger,
  workers: number,
  seeded: boolean,
  signal: AbortSignal,
): Promise<void> {
  const { url, stopped } = await runWorkers(config, workers, logger, signal);
  if (url) {
    logger.info({ url, workers }, "listening");
    await printBannerFor(db, url, seeded, workers);
  }
  await stopped;
}

async function serveUntilStopped(config: Config, db: Database, logger: Logger, seeded: boolean, signal: AbortSignal): Promise<void> {
  const gateway = await startGateway({ config, db, logger });
  try {
    logger.info({ url: gateway.url }, "listening");
    if (isWorker()) reportListening(gateway.url);
    else await printBannerFor(db, gateway.url, seeded);
    if (!signal.aborted) await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
  } finally {
    await gateway.close();
  }
}

async function printBannerFor(db: Database, url: string, seeded: boolean, workers = 1): Promise<void> {
  printBanner(url, await demoLogins(db), seeded, await db.prisma.user.count({ where: { passwordHash: { not: null } } }), workers);
}

async function demoLogins(db: Database): Promise<string[]> {
  const admins = await db.prisma.user.findMany({
    where: { OR: [{ email: SUPERADMIN_EMAIL }, { email: { startsWith: "admin@" }, role: "ADMIN" }] },
    select: { email: true, role: true, passwordHash: true },
    orderBy: [{ role: "asc" }, { email: "asc" }],
    take: 6,
  });
  return admins.filter((admin) => admin.passwordHash).map((admin) => `${admin.email} (${admin.role})`);
}

function printBanner(url: string, logins: string[], seeded: boolean, usersWithPassword: number, workers: number): void {
  const lines = [
    "",
    `Usage Gateway is ready at ${url}${workers > 1 ? ` (${workers} worker processes)` : ""}`,
    `  console:   ${url}/console (usage charts and CSV downloads)`,
    `  GraphQL:   ${url}/graphql (GraphiQL in a browser)`,
    `  ingest:    POST ${url}/ingest (JSON or NDJSON usage events, ADMIN/SUPERADMIN token)`,
    `  health:    ${url}/healthz   readiness: ${url}/readyz   metrics: ${url}/metrics`,
  ];
  if (logins.length > 0) {
    lines.push(
      `  demo data: ${seeded ? "loaded just now" : "present"}; logins (password "${DEMO_PASSWORD}"):`,
      ...logins.map((login) => `    ${login}`),
      `  a token:   in GraphiQL run  mutation { login(email: "${SUPERADMIN_EMAIL}", password: "${DEMO_PASSWORD}") { token } }`,
      `             (or, with the gateway stopped: npm run --silent token -- --email ${SUPERADMIN_EMAIL})`,
    );
  }
  if (usersWithPassword === 0) {
    lines.push(
      "  nobody can sign in yet. Create the first admin (the password is read from stdin or a prompt):",
      "    npx usage-gateway org create --name 'Example Corp' --domain example.com",
      "    npx usage-gateway user create --organization example-corp --email admin@example.com --role ADMIN",
      "  (on the embedded store, stop the gateway first: one process at a time may open it)",
    );
  }
  process.stderr.write(lines.join("\n") + "\n\n");
}
