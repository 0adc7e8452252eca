import { resolveJwtSettings } from "../auth/jwt-secret.js";
import type { Config } from "../config.js";
import { createGraphQLEndpoint, type GraphQLEndpoint } from "../graphql/mount.js";
import { createLogger } from "../logger.js";
import { resolveSeedOptions } from "../seed/options.js";
import { runSeed } from "../seed/run.js";
import { DEMO_PASSWORD, SUPERADMIN_EMAIL } from "../seed/directory.js";
import { startServer } from "../server.js";
import { openStore } from "../store.js";
import { seedProgressReporter } from "./progress.js";

/**
 * `usage-gateway serve`: migrates the store, loads the demo data into an empty store (unless
 * SEED_ON_START=none), serves HTTP, and shuts down cleanly on SIGTERM/SIGINT.
 * Resolves when the server has stopped.
 */
export async function serveCommand(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const { db, applied } = await openStore(config);
  logger.info({ store: db.kind, location: db.location, migrationsApplied: applied }, "store ready");

  let seeded = false;
  if (config.seedOnStart === "demo" && (await db.prisma.organization.count()) === 0) {
    const progress = seedProgressReporter();
    const started = Date.now();
    try {
      const summary = await runSeed(db.prisma, resolveSeedOptions("demo"), progress.onProgress);
      logger.info({ ...summary, seconds: (Date.now() - started) / 1000 }, "demo data loaded");
      seeded = true;
    } finally {
      progress.stop();
    }
  }

  let server: Awaited<ReturnType<typeof startServer>>;
  let graphql: GraphQLEndpoint | undefined;
  try {
    const jwt = await resolveJwtSettings(config);
    graphql = await createGraphQLEndpoint({ db, jwt, logger, limits: config.graphql });
    server = await startServer({ config, db, logger, mount: graphql.mount });
  } catch (error) {
    await graphql?.stop();
    await db.close();
    throw error;
  }
  logger.info({ url: server.url }, "listening");
  printBanner(server.url, await demoLogins(db.prisma), seeded);

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, "second signal: exiting immediately");
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, "shutting down");
      void server
        .close()
        .then(() => graphql!.stop())
        .then(() => db.close())
        .then(() => logger.info("stopped"))
        .catch((error: unknown) => logger.error({ err: error }, "error during shutdown"))
        .finally(resolve);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}

async function demoLogins(prisma: Awaited<ReturnType<typeof openStore>>["db"]["prisma"]): Promise<string[]> {
  const admins = await prisma.user.findMany({
    where: { OR: [{ email: SUPERADMIN_EMAIL }, { email: { startsWith: "admin@" }, role: "ADMIN" }] },
    select: { email: true, role: true, passwordHash: true },
    orderBy: [{ role: "asc" }, { email: "asc" }],
    take: 6,
  });
  return admins.filter((admin) => admin.passwordHash).map((admin) => `${admin.email} (${admin.role})`);
}

function printBanner(url: string, logins: string[], seeded: boolean): void {
  const lines = [
    "",
    `Usage Gateway is ready at ${url}`,
    `  GraphQL:   ${url}/graphql (GraphiQL in a browser)`,
    `  health:    ${url}/healthz   readiness: ${url}/readyz   metrics: ${url}/metrics`,
  ];
  if (logins.length > 0) {
    lines.push(
      `  demo data: ${seeded ? "loaded just now" : "present"}; logins (password "${DEMO_PASSWORD}"):`,
      ...logins.map((login) => `    ${login}`),
      `  a token:   npm run --silent token -- --email ${SUPERADMIN_EMAIL}`,
    );
  }
  process.stderr.write(lines.join("\n") + "\n\n");
}
