import os from "node:os";

/**
 * The server part of a Rocket.Chat statistics object (`os`, `process`, `deploy`, `migration`, `instanceCount`
 * and the database flags): the gateway process that computes a snapshot reports itself, as a Rocket.Chat
 * server does (docs/vendors/rocketchat.md "Statistics (IStats)").
 */
export interface ServerStatistics {
  readonly os: {
    readonly type: string;
    readonly platform: string;
    readonly arch: string;
    readonly release: string;
    readonly uptime: number;
    readonly loadavg: readonly number[];
    readonly totalmem: number;
    readonly freemem: number;
    readonly cpus: readonly object[];
  };
  readonly process: { readonly nodeVersion: string; readonly pid: number; readonly uptime: number };
  readonly deploy: { readonly method: string; readonly platform: string };
  /** Rocket.Chat's migration control document; `version` counts the store's applied migrations. */
  readonly migration: { readonly _id: string; readonly locked: boolean; readonly version: number };
  readonly instanceCount: number;
  readonly msEnabled: boolean;
  readonly oplogEnabled: boolean;
  /** The store is PostgreSQL, not MongoDB: no MongoDB version or storage engine to report. */
  readonly mongoVersion: string;
  readonly mongoStorageEngine: string;
}

// Rocket.Chat's values when DEPLOY_METHOD and DEPLOY_PLATFORM are not set.
const DEPLOY = { method: "tar", platform: "selfinstall" } as const;

const database = { msEnabled: false, oplogEnabled: false, mongoVersion: "", mongoStorageEngine: "" } as const;

/** This process and its host, now; `migrations` is the number of migrations the store has applied. */
export function liveServerStatistics(migrations: number): ServerStatistics {
  return {
    os: {
      type: os.type(),
      platform: os.platform(),
      arch: os.arch(),
      release: os.release(),
      uptime: os.uptime(),
      loadavg: os.loadavg(),
      totalmem: os.totalmem(),
      freemem: os.freemem(),
      cpus: os.cpus(),
    },
    process: { nodeVersion: process.version, pid: process.pid, uptime: process.uptime() },
    deploy: { ...DEPLOY },
    migration: { _id: "control", locked: false, version: migrations },
    // One gateway process answers; the others behind a load balancer take snapshots of their own.
    instanceCount: 1,
    ...database,
  };
}

/**
 * The server part of a stored snapshot that did not record one: zeros and empty strings. `platform` must be a
 * Node.js platform name; "linux" is what Rocket.Chat's published images run on.
 */
export function unrecordedServer(): ServerStatistics {
  return {
    os: { type: "", platform: "linux", arch: "", release: "", uptime: 0, loadavg: [], totalmem: 0, freemem: 0, cpus: [] },
    process: { nodeVersion: "", pid: 0, uptime: 0 },
    deploy: { ...DEPLOY },
    migration: { _id: "control", locked: false, version: 0 },
    instanceCount: 1,
    ...database,
  };
}
