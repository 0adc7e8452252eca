import { describe, expect, it } from "vitest";
import { teamwireDashboard } from "../../vendors/teamwire/dashboard.js";
import { createTeamwireClient } from "./client.js";

const SERVED = {
  settings: "Internal only",
  users_count: 12,
  pending_users_count: 2,
  groups_count: 3,
  domains_count: 1,
  admins_count: 1,
  company: "Nordhafen",
  license_count: 20,
  admins: [{ first_name: "Ada", last_name: "Lind", super: true }],
};
// What a newer Teamwire might send: a key more at both levels.
const NEWER = { ...SERVED, sso_enabled: true, admins: [{ ...SERVED.admins[0]!, email: "ada@nordhafen.test" }] };

const answering = (body: unknown) =>
  (async () =>
    new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } })) as unknown as typeof fetch;

describe("Teamwire dashboard payload", () => {
  it("is served strictly: a key more is refused", () => {
    expect(teamwireDashboard.safeParse(SERVED).success).toBe(true);
    expect(teamwireDashboard.safeParse(NEWER).success).toBe(false);
  });

  it("is read leniently by the connector: keys more are dropped at both levels, the declared fields still required", async () => {
    const client = await createTeamwireClient("http://teamwire.test", { token: "t" }, { fetch: answering(NEWER), maxAttempts: 1 });
    expect(await client.dashboard()).toEqual(SERVED);
    const { company: _company, ...withoutCompany } = SERVED;
    const broken = await createTeamwireClient("http://teamwire.test", { token: "t" }, { fetch: answering(withoutCompany), maxAttempts: 1 });
    await expect(broken.dashboard()).rejects.toThrow(/company/);
  });

  it("reads a privacy mode the gateway does not know as sent (the sync decides what to do with it)", async () => {
    const client = await createTeamwireClient(
      "http://teamwire.test",
      { token: "t" },
      { fetch: answering({ ...SERVED, settings: "Paranoid" }), maxAttempts: 1 },
    );
    expect((await client.dashboard()).settings).toBe("Paranoid");
  });
});
