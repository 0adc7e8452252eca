import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../src/auth/password.js";
import { openDatabase } from "../../src/db/database.js";
import { LoginDocument } from "../__generated__/graphql.js";
import { postGraphQL } from "../helpers/graphql.js";
import { cleanEnv, runCli, startServe, type ServeProcess } from "../helpers/cli.js";
import { createTestStore, POSTGRES_URL, type TestStore } from "../helpers/stores.js";

// Production bootstrap with the CLI: from an empty store without demo data to a signed-in admin.
// On PostgreSQL when one is configured (the production store), else on the embedded one.

const PASSWORD = "a long enough password";

const login = async (url: string, email: string, password: string) => (await postGraphQL(url, LoginDocument, { email, password })).body;

describe(`CLI bootstrap on an empty ${POSTGRES_URL ? "PostgreSQL database" : "embedded store"}`, () => {
  let store: TestStore | undefined;
  let workDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "ug-bootstrap-"));
    store = POSTGRES_URL ? await createTestStore("postgres", { migrate: false }) : undefined;
    env = cleanEnv({
      DATA_DIR: path.join(workDir, "data"),
      SEED_ON_START: "none",
      PORT: "0",
      ...(store?.url ? { DATABASE_URL: store.url } : {}),
    });
  });
  afterAll(async () => {
    await store?.dispose();
    await rm(workDir, { recursive: true, force: true });
  });

  it("creates an organization and an admin whose password comes from stdin, who then signs in", { timeout: 300_000 }, async () => {
    const empty = await startServe(env, 120_000);
    try {
      // A start without anybody who can sign in says how to create the first admin.
      expect(empty.output().stderr).toContain("nobody can sign in yet");
      expect(empty.output().stderr).toContain("usage-gateway user create --organization");
    } finally {
      expect(await empty.stop()).toBe(0);
    }

    const org = await runCli(["org", "create", "--name", "Ächt & Co, Hamburg", "--domain", "acht.example"], env);
    expect(org.stderr).toBe("");
    expect(org.stdout).toMatch(/^created organization acht-co-hamburg \(Ächt & Co, Hamburg, number \d+, id [0-9a-f-]{36}\)\n$/);
    const admin = await runCli(
      ["user", "create", "--organization", "acht-co-hamburg", "--email", "IT@acht.example", "--role", "ADMIN", "--first-name", "Ida"],
      env,
      60_000,
      `${PASSWORD}\n`,
    );
    expect(admin.stderr).toBe("");
    expect(admin.stdout).toMatch(/^created ADMIN it@acht\.example \(id [0-9a-f-]{36}\)/);
    const member = await runCli(["user", "create", "--organization", "acht-co-hamburg", "--email", "dev@acht.example"], env);
    expect(member.stdout).toMatch(/^created MEMBER dev@acht\.example/);

    const list = await runCli(["user", "list", "--organization", "acht-co-hamburg"], env);
    expect(list.stdout.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^organization\s+email\s+role\s+status\s+password$/),
      expect.stringMatching(/^acht-co-hamburg\s+it@acht\.example\s+ADMIN\s+REGISTERED\s+yes$/),
      expect.stringMatching(/^acht-co-hamburg\s+dev@acht\.example\s+MEMBER\s+REGISTERED\s+no$/),
    ]);
    // The password is never an argument and never printed.
    expect(list.stdout + admin.stdout).not.toContain(PASSWORD);

    let serve: ServeProcess | undefined;
    try {
      serve = await startServe(env, 120_000);
      const signedIn = await login(serve.url, "it@acht.example", PASSWORD);
      expect(signedIn.errors).toBeUndefined();
      expect(signedIn.data?.login.user.role).toBe("ADMIN");
      const viewer = await fetch(`${serve.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${signedIn.data!.login.token}` },
        body: JSON.stringify({ query: "{ viewer { email organization { name teams(first: 5) { nodes { name } } } } }" }),
      });
      expect(await viewer.json()).toEqual({
        data: {
          viewer: { email: "it@acht.example", organization: { name: "Ächt & Co, Hamburg", teams: { nodes: [{ name: "Default Team" }] } } },
        },
      });
      expect((await login(serve.url, "it@acht.example", "a wrong password!")).errors?.[0]?.message).toBeDefined();
    } finally {
      expect(await serve?.stop()).toBe(0);
    }

    const reset = await runCli(["user", "password", "--email", "it@acht.example"], env, 60_000, "another long password\n");
    expect(reset.stdout).toBe("password of it@acht.example set\n");
    const db = await openDatabase({ url: store?.url, dataDir: store ? undefined : path.join(workDir, "data") });
    try {
      const { passwordHash } = await db.prisma.user.findUniqueOrThrow({ where: { email: "it@acht.example" } });
      expect(await verifyPassword(PASSWORD, passwordHash)).toBe(false);
      expect(await verifyPassword("another long password", passwordHash)).toBe(true);
    } finally {
      await db.close();
    }
  });
});
