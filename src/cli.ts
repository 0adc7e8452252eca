import { Command, Option } from "commander";
import type { OrgCreateOptions, UserCreateOptions } from "./commands/directory.js";
import type { SeedCommandOptions } from "./commands/seed.js";
import type { SyncCommandOptions } from "./commands/sync.js";
import type { TokenCommandOptions } from "./commands/token.js";
import { ConfigError, loadConfig } from "./config.js";

// Commands are imported when they run, so `--help` and `token` do not load the HTTP stack.

/** Runs a command; any failure becomes one line on stderr and exit code 1. */
function run(action: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await action();
    } catch (error) {
      const message =
        error instanceof ConfigError ? `invalid configuration: ${error.message}` : error instanceof Error ? error.message : String(error);
      process.stderr.write(`usage-gateway: ${message}\n`);
      process.exitCode = 1;
    }
  };
}

const program = new Command()
  .name("usage-gateway")
  .description(
    "One GraphQL gateway for Teamwire, Rocket.Chat and Tabnine usage metrics.\nConfiguration comes from environment variables (see README.md).",
  )
  .showHelpAfterError();

program
  .command("serve")
  .description("migrate the store, load demo data into an empty store, and serve HTTP (PORT, HOST)")
  .option("--workers <n>", "worker processes serving HTTP on the same port (PostgreSQL only; auto: one per core)", "1")
  .action((options: { workers: string }) =>
    run(async () => {
      const { serveCommand } = await import("./commands/serve.js");
      const { parseWorkers } = await import("./commands/serve-workers.js");
      await serveCommand(loadConfig(), { workers: parseWorkers(options.workers) });
    })(),
  );

program
  .command("migrate")
  .description("apply pending migrations to the configured store (DATABASE_URL or DATA_DIR)")
  .action(
    run(async () => {
      const { migrateCommand } = await import("./commands/migrate.js");
      const { location, applied } = await migrateCommand(loadConfig());
      process.stdout.write(applied.length ? `applied ${applied.join(", ")} to ${location}\n` : `${location} is up to date\n`);
    }),
  );

program
  .command("migration")
  .description("write prisma/migrations/<timestamp>_<name>/migration.sql for changes to prisma/schema.prisma")
  .argument("[name]", "lower_snake_case name of the migration")
  .option("--check", "write nothing; fail when schema.prisma has changes no migration covers")
  .action((name: string | undefined, options: { check?: boolean }) =>
    run(async () => {
      const { migrationCommand } = await import("./commands/migrate.js");
      process.stdout.write((await migrationCommand(name, options)) + "\n");
    })(),
  );

program
  .command("schema")
  .description("write schema.graphql from the code (--check: fail when the committed file differs)")
  .option("--check", "write nothing; fail when schema.graphql is out of date")
  .action((options: { check?: boolean }) =>
    run(async () => {
      const { schemaCommand } = await import("./commands/schema.js");
      process.stdout.write((await schemaCommand(options)) + "\n");
    })(),
  );

program
  .command("seed")
  .description("fill an empty store with deterministic demo data for all three vendors")
  .addOption(new Option("--preset <name>", "demo (3 orgs, ~200 users), medium (10 x 200), large (10 x 2,000) or tiny").default("demo"))
  .option("--organizations <n>", "number of organizations")
  .option("--users <n>", "users per organization")
  .option("--teams <n>", "teams per organization (including the default team)")
  .option("--days <n>", "days of usage history")
  .option("--end-date <YYYY-MM-DD>", "exclusive end of the history (default: today, UTC)")
  .option("--seed <n>", "random seed; the same options always give the same data")
  .option("--snapshot-days <n>", "daily Rocket.Chat statistics snapshots to keep")
  .option("--reset", "wipe all data first (keeps the schema)")
  .action((options: SeedCommandOptions) =>
    run(async () => {
      const { seedCommand } = await import("./commands/seed.js");
      await seedCommand(loadConfig(), options);
    })(),
  );

program
  .command("sync")
  .description("pull usage from the organization's registered vendor sources (incremental; exit code 2 when a unit of work failed)")
  .requiredOption("--org <slug or id>", "the organization")
  .option("--vendor <vendor>", "only this source: teamwire, rocketchat or tabnine")
  .option("--since <YYYY-MM-DD>", "first UTC day of usage to pull, instead of each source's cursor")
  .option("--dry-run", "fetch and count only; write nothing")
  .action((options: SyncCommandOptions) =>
    run(async () => {
      const { syncCommand } = await import("./commands/sync.js");
      const { text, result } = await syncCommand(loadConfig(), options);
      process.stdout.write(text + "\n");
      if (result.failed > 0) process.exitCode = 2;
    })(),
  );

program
  .command("token")
  .description("print a token for a user, alone on stdout")
  .requiredOption("--email <email>", "the user's email")
  .addOption(new Option("--kind <kind>", "jwt (signed, expires) or api (stored hashed, revocable)").choices(["jwt", "api"]).default("jwt"))
  .option("--ttl <lifetime>", "lifetime such as 15m, 12h or 30d (jwt default 12h; api default: no expiry)")
  .option("--name <name>", "label of an API token")
  .action((options: TokenCommandOptions) =>
    run(async () => {
      const { tokenCommand } = await import("./commands/token.js");
      process.stdout.write((await tokenCommand(loadConfig(), options)) + "\n");
    })(),
  );

const org = program.command("org").description("organizations: create and list (for a store without demo data)");
org
  .command("create")
  .description("create an organization with its default team")
  .requiredOption("--name <name>", "display name")
  .option("--slug <slug>", "URL name (default: from the name)")
  .option("--domain <domain...>", "email domain(s) of its users")
  .action((options: OrgCreateOptions) =>
    run(async () => {
      const { orgCreateCommand } = await import("./commands/directory.js");
      process.stdout.write((await orgCreateCommand(loadConfig(), options)) + "\n");
    })(),
  );
org
  .command("list")
  .description("list organizations")
  .action(() =>
    run(async () => {
      const { orgListCommand } = await import("./commands/directory.js");
      process.stdout.write((await orgListCommand(loadConfig())) + "\n");
    })(),
  );

const user = program
  .command("user")
  .description("users: create, set a password, list. Passwords come from stdin (one line) or a prompt, never an argument");
user
  .command("create")
  .description("create a user; ADMIN and SUPERADMIN get a password (stdin or prompt)")
  .requiredOption("--organization <slug, id or number>", "the user's organization")
  .requiredOption("--email <email>", "the user's email (their sign-in name)")
  .addOption(new Option("--role <role>", "role").choices(["SUPERADMIN", "ADMIN", "TEAM_ADMIN", "MEMBER"]).default("MEMBER"))
  .option("--first-name <name>", "given name (default: the email's local part)")
  .option("--last-name <name>", "family name")
  .option("--with-password", "also read a password for a TEAM_ADMIN or MEMBER")
  .action((options: UserCreateOptions) =>
    run(async () => {
      const { userCreateCommand } = await import("./commands/directory.js");
      process.stdout.write((await userCreateCommand(loadConfig(), options)) + "\n");
    })(),
  );
user
  .command("password")
  .description("set a user's password (stdin or prompt)")
  .requiredOption("--email <email>", "the user's email")
  .action((options: { email: string }) =>
    run(async () => {
      const { userPasswordCommand } = await import("./commands/directory.js");
      process.stdout.write((await userPasswordCommand(loadConfig(), options)) + "\n");
    })(),
  );
user
  .command("list")
  .description("list users with their role and whether they have a password")
  .option("--organization <slug, id or number>", "only this organization")
  .action((options: { organization?: string }) =>
    run(async () => {
      const { userListCommand } = await import("./commands/directory.js");
      process.stdout.write((await userListCommand(loadConfig(), options)) + "\n");
    })(),
  );

await program.parseAsync(process.argv);
// A finished command exits at once: on PostgreSQL the migration engine leaves a 10 s lock timer that
// would otherwise keep every command waiting. `serve` returns only after a clean shutdown.
if (process.argv[2] !== "serve") process.exit();
