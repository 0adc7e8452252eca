import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";

/** A programmable failure: the next `times` requests whose path matches answer this way instead. */
export interface StubFault {
  readonly path: RegExp;
  /** Also required to match the whole URL (path and query), e.g. one user's usage. */
  readonly url?: RegExp;
  readonly kind: "500" | "503" | "429" | "slow" | "malformed" | "401";
  /** How many matching requests fail (default 1). */
  times?: number;
  /** `Retry-After` of a 429/503. */
  readonly retryAfter?: string;
  /** How long a `slow` answer takes before it is sent (default 1 s). */
  readonly delayMs?: number;
}

export interface TnUserStub {
  id: string;
  username: string;
  email: string;
  role: string;
  verified: boolean;
  deactivatedAt: string | null;
  updatedAt: string | null;
}
export interface TnBlockStub {
  activeUsers: number;
  productivityFactor?: number;
  codeCompletions: { activeUsers: number; completions: number; charsCompleted: number; keystrokes: number; lines: number };
  chat: {
    activeUsers: number;
    interactions: number;
    usefulChatInteractions: number;
    lines: number;
    charsCompleted: number;
    chatConsumptionRate?: number;
  };
}

/** What the Tabnine stub serves (docs/vendors/tabnine.md §3 shapes). Mutable: tests change it between syncs. */
export interface TabnineStubData {
  organization: {
    id: string;
    name: string;
    domains: string[];
    planType: string;
    samlEnabled: boolean;
    smtpConfigured: boolean;
    usernamePasswordEnabled: boolean;
  };
  teams: { id: string; name: string; isDefaultTeam: boolean }[];
  teamUsers: Record<string, TnUserStub[]>;
  teamless: TnUserStub[];
  license: {
    exp: number;
    seats: number;
    seatsCap: number;
    audience: string;
    features: string[];
    settings: Record<string, unknown>;
    iat: number;
  } | null;
  /** Daily usage per Tabnine user id, keyed by `YYYY-MM-DD`. */
  usage: Record<string, Record<string, TnBlockStub>>;
  /** Organization-level daily ratios, keyed by `YYYY-MM-DD`. */
  ratios: Record<string, { productivityFactor: number; chatConsumptionRate: number }>;
}

/** What the Rocket.Chat stub serves (docs/vendors/rocketchat.md §2 shapes). */
export interface RocketChatStubData {
  /** Stored statistics snapshots, oldest first (each has `_id` and `createdAt`). */
  snapshots: Record<string, unknown>[];
  /** Active user ids per UTC day `YYYY-MM-DD`. */
  active: Record<string, string[]>;
}

export const ROCKETCHAT_STUB_USER = "rcAdminUserId0001";
export const ROCKETCHAT_STUB_TOKEN = "rc-personal-access-token";

/** A workspace with `days` daily snapshots and active users (ids `rcUser0000000000N`) up to the day before `until`. */
export function rocketChatFixture(until: string, days: number): RocketChatStubData {
  const end = Date.parse(`${until}T00:00:00Z`);
  const snapshots: Record<string, unknown>[] = [];
  const active: Record<string, string[]> = {};
  for (let d = days; d >= 1; d--) {
    const at = end - d * DAY_MS;
    const day = new Date(at).toISOString().slice(0, 10);
    snapshots.push({
      _id: `snap${day.replaceAll("-", "")}xxxxx`.slice(0, 17),
      wizard: {},
      uniqueId: "rcWorkspaceUnique1",
      installedAt: "2024-01-01T00:00:00.000Z",
      version: "6.5.0",
      totalUsers: 40 + (days - d),
      activeUsers: 35,
      onlineUsers: 3,
      totalRooms: 12,
      totalMessages: 1000 + (days - d) * 37,
      createdAt: new Date(at + 600_000).toISOString(),
    });
    active[day] = [1, 2, 3, 4].filter((n) => (d + n) % 3 !== 0).map((n) => `rcUser${String(n).padStart(11, "0")}`);
  }
  return { snapshots, active };
}

/** What the Teamwire stub serves (docs/vendors/teamwire.md §1 shapes). */
export interface TeamwireStubData {
  email: string;
  password: string;
  dashboard: Record<string, unknown>;
  /** Daily counts per series, keyed by `YYYY-MM-DD`. */
  daily: { sent_messages: Record<string, number>; activated_connectors: Record<string, number> };
}

export const TEAMWIRE_STUB_SESSION = "sessionid=tw-session-7f3a";

/** An organisation with `days` days of messages and a few connector activations before `until`. */
export function teamwireFixture(until: string, days: number): TeamwireStubData {
  const end = Date.parse(`${until}T00:00:00Z`);
  const daily: TeamwireStubData["daily"] = { sent_messages: {}, activated_connectors: {} };
  for (let d = days; d >= 1; d--) {
    const day = new Date(end - d * DAY_MS).toISOString().slice(0, 10);
    daily.sent_messages[day] = d % 6 === 0 ? 0 : 100 + d * 11;
    if (d % 4 === 0) daily.activated_connectors[day] = 1 + (d % 3);
  }
  return {
    email: "jana.brandt@nordhafen.example",
    password: "tw-admin-password",
    dashboard: {
      settings: "Internal only",
      users_count: 412,
      pending_users_count: 37,
      groups_count: 58,
      domains_count: 2,
      admins_count: 3,
      company: "Nordhafen Logistik GmbH",
      license_count: 500,
      admins: [{ first_name: "Jana", last_name: "Brandt", super: true }],
    },
    daily,
  };
}

export interface StubVendors {
  readonly url: string;
  readonly teamwire: TeamwireStubData;
  readonly rocketchat: RocketChatStubData;
  readonly tabnine: TabnineStubData;
  readonly faults: StubFault[];
  /** Every request, as `METHOD path?query`. */
  readonly requests: string[];
  /** Called before a listing page is served (to change the listing between pages). */
  onPage?: (path: string, offset: number) => void;
  close(): Promise<void>;
}

export const TABNINE_STUB_TOKEN = "tabnine-admin-token";
const DAY_MS = 86_400_000;
const zeroBlock = (): TnBlockStub => ({
  activeUsers: 0,
  codeCompletions: { activeUsers: 0, completions: 0, charsCompleted: 0, keystrokes: 0, lines: 0 },
  chat: { activeUsers: 0, interactions: 0, usefulChatInteractions: 0, lines: 0, charsCompleted: 0 },
});

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/**
 * A small Tabnine tenant in the vendor's shapes: the teams of the spec's example, 5 team members
 * (one a TeamLead, one deactivated), 2 teamless users (one deactivated), and `days` days of usage
 * ending the day before `until`, deterministic.
 */
export function tabnineFixture(until: string, days: number): TabnineStubData {
  const user = (n: number, name: string, role = "Member", deactivated = false): TnUserStub => ({
    id: uuid(0x100 + n),
    username: `${name}@nordhafen.example`,
    email: `${name}@nordhafen.example`,
    role,
    verified: true,
    deactivatedAt: deactivated ? "2025-01-15T10:00:00.000Z" : null,
    updatedAt: "2025-02-11T09:14:22.000Z",
  });
  const teams = [
    { id: "0b6c0f7e-7a51-4b8e-9a43-2f1d1f5d6a10", name: "Backend team", isDefaultTeam: false },
    { id: "5f2d9c44-1e0a-4f0e-8d5b-7c2b9f6e3a21", name: "Default Team", isDefaultTeam: true },
    { id: "c1a7e3b2-9d84-4a6f-b1e5-3f0c2d7a8e94", name: "FE team", isDefaultTeam: false },
  ];
  const teamUsers: Record<string, TnUserStub[]> = {
    [teams[0]!.id]: [user(1, "lena.k", "TeamLead"), user(2, "tom.r"), user(3, "jana.brandt", "Admin")],
    [teams[1]!.id]: [],
    [teams[2]!.id]: [user(4, "mia.s"), user(5, "olaf.d", "Member", true)],
  };
  const teamless = [user(6, "it-ops", "Manager"), user(7, "gone.user", "Member", true)];
  const usage: TabnineStubData["usage"] = {};
  const ratios: TabnineStubData["ratios"] = {};
  const end = Date.parse(`${until}T00:00:00Z`);
  const everyone = [...Object.values(teamUsers).flat(), ...teamless].filter((u) => !u.deactivatedAt);
  for (let d = days; d >= 1; d--) {
    const day = new Date(end - d * DAY_MS).toISOString().slice(0, 10);
    let active = 0;
    everyone.forEach((u, i) => {
      if ((d + i) % 3 === 0) return; // not every user every day
      active++;
      const completions = 10 + ((d * 7 + i * 13) % 50);
      const chat = (d + i) % 2 === 0 ? 1 + ((d + i) % 5) : 0;
      (usage[u.id] ??= {})[day] = {
        activeUsers: 1,
        codeCompletions: {
          activeUsers: 1,
          completions,
          charsCompleted: completions * 25,
          keystrokes: completions * 70,
          lines: Math.round(completions * 0.8),
        },
        chat: {
          activeUsers: chat ? 1 : 0,
          interactions: chat,
          usefulChatInteractions: Math.floor(chat / 2),
          lines: chat * 4,
          charsCompleted: chat * 120,
        },
      };
    });
    if (active > 0)
      ratios[day] = {
        productivityFactor: Math.round((0.2 + (d % 7) / 50) * 100) / 100,
        chatConsumptionRate: Math.round((0.55 + (d % 5) / 40) * 100) / 100,
      };
  }
  return {
    organization: {
      id: "9a3895ca-1c27-4231-8978-85ae00267d02",
      name: "Nordhafen Logistik",
      domains: ["nordhafen.example"],
      planType: "Enterprise",
      samlEnabled: true,
      smtpConfigured: true,
      usernamePasswordEnabled: false,
    },
    teams,
    teamUsers,
    teamless,
    license: {
      exp: 1895529600,
      seats: 500,
      seatsCap: 550,
      audience: "nordhafen-prod",
      features: ["chat", "chat_models"],
      settings: { chatModel: { type: "Private" } },
      iat: 1735806729,
    },
    usage,
    ratios,
  };
}

/** A query parameter the stubbed clients send once, as a string; absent, repeated (`a=1&a=2`) or nested (`a[b]=1`): undefined. */
const queryString = (value: unknown) => (typeof value === "string" ? value : undefined);

function page<T>(items: readonly T[], query: Record<string, unknown>, maxPageSize: number) {
  const offset = Number(query.offset ?? 0);
  const asked = Number(query.limit ?? 0);
  const limit = Math.min(asked === 0 ? items.length : asked, maxPageSize);
  const data = items.slice(offset, offset + limit);
  const next = offset + data.length < items.length ? { next: { limit, offset: offset + data.length } } : {};
  return { data, meta: { count: data.length, total: items.length, ...next } };
}

function usageOf(
  days: Record<string, TnBlockStub> | undefined,
  from: string,
  to: string,
  ratios?: TabnineStubData["ratios"],
  totalActive?: (day: string) => number,
) {
  const data = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const block = structuredClone(days?.[day] ?? zeroBlock());
    if (totalActive) block.activeUsers = totalActive(day);
    if (ratios?.[day]) {
      block.productivityFactor = ratios[day].productivityFactor;
      block.chat.chatConsumptionRate = ratios[day].chatConsumptionRate;
    }
    data.push({ from: new Date(t).toISOString(), to: new Date(t + DAY_MS).toISOString(), ...block });
  }
  return { granularity: "daily", data };
}

/**
 * Starts stub vendor APIs on 127.0.0.1 (port 0). Tabnine: the URLs of docs/vendors/tabnine.md §3 the
 * connector calls, Bearer TABNINE_STUB_TOKEN, listings served in pages of at most `maxPageSize`.
 * Faults in `faults` are served first, in order, for the paths they match.
 */
export async function startStubVendors(options: {
  tabnine?: TabnineStubData;
  rocketchat?: RocketChatStubData;
  teamwire?: TeamwireStubData;
  maxPageSize?: number;
}): Promise<StubVendors> {
  const maxPageSize = options.maxPageSize ?? 1_000;
  const app = express();
  const stub: Omit<StubVendors, "url" | "close"> & { onPage?: StubVendors["onPage"] } = {
    tabnine: options.tabnine ?? tabnineFixture("2025-03-05", 1),
    rocketchat: options.rocketchat ?? { snapshots: [], active: {} },
    teamwire: options.teamwire ?? teamwireFixture("2025-03-05", 1),
    faults: [],
    requests: [],
  };

  app.use(async (req, res, next) => {
    stub.requests.push(`${req.method} ${req.originalUrl}`);
    const fault = stub.faults.find((f) => f.path.test(req.path) && (!f.url || f.url.test(req.originalUrl)) && (f.times ?? 1) > 0);
    if (!fault) return next();
    fault.times = (fault.times ?? 1) - 1;
    switch (fault.kind) {
      case "500":
        return res.status(500).json({ error: "INTERNAL_SERVER_ERROR", message: "Unexpected server error.", status: 500 });
      case "503":
        return res
          .status(503)
          .set(fault.retryAfter ? { "retry-after": fault.retryAfter } : {})
          .send("unavailable");
      case "429":
        return res
          .status(429)
          .set(fault.retryAfter ? { "retry-after": fault.retryAfter } : {})
          .json({ error: "TOO_MANY_REQUESTS" });
      case "401":
        return res.status(401).json({ error: "UNAUTHORIZED", message: "Invalid token.", status: 401 });
      case "malformed":
        return res.status(200).type("application/json").send('{"data": [{"id": "trunc');
      case "slow":
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1_000));
        if (!res.socket?.destroyed) res.status(200).json({ late: true });
        return;
    }
  });

  const tn = express.Router();
  tn.use(["/api/v1/organization", "/api/v1/team", "/api/v1/user", "/api/v1/license"], (req, res, next) =>
    req.headers.authorization === `Bearer ${TABNINE_STUB_TOKEN}`
      ? next()
      : res.status(401).json({ error: "UNAUTHORIZED", message: "Invalid token.", status: 401 }),
  );
  const data = () => stub.tabnine;
  const listing = (path: string, query: Record<string, unknown>) => stub.onPage?.(path, Number(query.offset ?? 0));
  tn.get("/api/v1/organization", (_req, res) => res.json(data().organization));
  tn.get("/api/v1/organization/teams", (req, res) => {
    listing(req.path, req.query);
    const teams = [...data().teams].sort((a, b) => a.name.localeCompare(b.name));
    res.json(
      page(
        teams.map((t) => ({ ...t, usersCount: data().teamUsers[t.id]?.length ?? 0 })),
        req.query,
        maxPageSize,
      ),
    );
  });
  tn.get("/api/v1/team/:teamId/users", (req, res) => {
    listing(req.path, req.query);
    const users = data().teamUsers[req.params.teamId];
    if (!users) return res.status(404).json({ error: "NOT_FOUND", message: "Resource not found.", status: 404 });
    res.json(page(users, req.query, maxPageSize));
  });
  tn.get("/api/v1/organization/users", (req, res) => {
    listing(req.path, req.query);
    if (req.query.teamMember !== "false") return res.json(page([], req.query, maxPageSize));
    const active = req.query.active === "true";
    res.json(
      page(
        data().teamless.filter((u) => (u.deactivatedAt === null) === active),
        req.query,
        maxPageSize,
      ),
    );
  });
  tn.get("/api/v1/license", (_req, res) =>
    data().license
      ? res.json({ license: data().license })
      : res.status(404).json({ error: "NOT_FOUND", message: "Resource not found.", status: 404 }),
  );
  tn.get("/api/v1/user/usage", (req, res) => {
    const { organizationId = "", userId = "", from = "", to = "" } = req.query as Record<string, string | undefined>;
    if (organizationId !== data().organization.id)
      return res.status(403).json({ error: "FORBIDDEN", message: "User lacks permission.", status: 403 });
    res.json({ organizationId, userId, from, to, usage: usageOf(data().usage[userId], from, to) });
  });
  tn.get("/api/v1/organization/usage", (req, res) => {
    const { organizationId = "", from = "", to = "" } = req.query as Record<string, string | undefined>;
    const activeOn = (day: string) => Object.values(data().usage).filter((days) => days[day]?.activeUsers).length;
    res.json({ organizationId, from, to, usage: usageOf({}, from, to, data().ratios, activeOn) });
  });
  app.use(tn);

  const rc = express.Router();
  rc.use(["/api/v1/statistics.list", "/api/v1/engagement-dashboard"], (req, res, next) =>
    req.headers["x-user-id"] === ROCKETCHAT_STUB_USER && req.headers["x-auth-token"] === ROCKETCHAT_STUB_TOKEN
      ? next()
      : res.status(401).json({ status: "error", message: "You must be logged in to do this." }),
  );
  rc.get("/api/v1/statistics.list", (req, res) => {
    listing(req.path, req.query);
    const offset = Number(req.query.offset ?? 0);
    const asked = Number(req.query.count ?? 50);
    const count = Math.min(asked === 0 ? Infinity : asked, 100, maxPageSize);
    const sort = JSON.parse(queryString(req.query.sort) ?? "{}") as { createdAt?: number };
    const all = sort.createdAt === -1 ? [...stub.rocketchat.snapshots].reverse() : stub.rocketchat.snapshots;
    const statistics = all.slice(offset, offset + count);
    res.json({ statistics, count: statistics.length, offset, total: all.length, success: true });
  });
  rc.get("/api/v1/engagement-dashboard/users/active-users", (req, res) => {
    const start = Date.parse(queryString(req.query.start) ?? "");
    const end = Date.parse(queryString(req.query.end) ?? "");
    const month = Object.entries(stub.rocketchat.active)
      .filter(([day, ids]) => ids.length > 0 && Date.parse(`${day}T23:59:59.999Z`) >= start && Date.parse(`${day}T00:00:00Z`) <= end)
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .map(([day, ids]) => ({
        usersList: ids,
        users: ids.length,
        day: Number(day.slice(8)),
        month: Number(day.slice(5, 7)),
        year: Number(day.slice(0, 4)),
      }));
    res.json({ month, success: true });
  });
  app.use(rc);

  // Teamwire: session login (cookie), then the statistics; errors are bare statuses with {}.
  const tw = express.Router();
  tw.post("/v1/admin/login/", express.json(), (req, res) => {
    const { email, password } = (req.body ?? {}) as { email?: string; password?: string };
    if (email !== stub.teamwire.email || password !== stub.teamwire.password)
      return res.status(401).json({ detail: "invalid credentials" });
    res.set("set-cookie", `${TEAMWIRE_STUB_SESSION}; HttpOnly; Path=/; SameSite=Lax`).json({});
  });
  tw.use("/v1/admin/stats", (req, res, next) =>
    (req.headers.cookie ?? "").split(/;\s*/).includes(TEAMWIRE_STUB_SESSION) ? next() : res.status(401).json({}),
  );
  tw.get("/v1/admin/stats/dashboard/", (_req, res) => res.json(stub.teamwire.dashboard));
  for (const [name, keys] of [
    ["sent_messages", "Messages"],
    ["activated_connectors", "Activated Connectors"],
  ] as const) {
    tw.get(`/v1/admin/stats/${name}/`, (req, res) => {
      const year = Number(req.query.year);
      const month = Number(req.query.month);
      if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return res.status(400).json({});
      const data = [];
      for (let t = Date.UTC(year, month - 1, 1); t < Date.UTC(year, month, 1); t += DAY_MS) {
        const date = new Date(t).toISOString().slice(0, 10);
        data.push({ date, count: stub.teamwire.daily[name][date] ?? 0 });
      }
      res.json([{ keys, min_year: 2023, min_month: 9, data }]);
    });
  }
  app.use(tw);

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
