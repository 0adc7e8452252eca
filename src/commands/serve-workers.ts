import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { resolveJwtSettings } from "../auth/jwt-secret.js";
import type { Config } from "../config.js";
import { claimGeneratedSecrets } from "../db/generated-secrets-guard.js";
import type { Logger } from "../logger.js";
import { resolveCredentialsKey } from "../sources/credentials.js";

/** Most worker processes `serve --workers` starts; more would only compete for the same cores and connections. */
export const MAX_WORKERS = 64;
/** A worker that dies this many times within RESTART_WINDOW_MS stops the gateway instead of being restarted again. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/**
 * `--workers`: a whole number from 1 to MAX_WORKERS, or `auto` (one per core).
 * @throws Error with one line naming the rule.
 */
export function parseWorkers(value: string): number {
  if (value === "auto") return Math.min(availableParallelism(), MAX_WORKERS);
  const workers = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new Error(`--workers must be a whole number from 1 to ${MAX_WORKERS}, or auto (one per core); got "${value}"`);
  }
  return workers;
}

/** Whether this process is a worker started by {@link runWorkers}. */
export const isWorker = (): boolean => cluster.isWorker;

/**
 * The primary of `serve --workers N`: the store is migrated and seeded before this runs. Starts
 * N worker processes that each run the whole gateway on the same port (node:cluster shares the
 * listening socket), gives them the secrets it resolved (generated ones included, so every
 * worker signs and verifies the same tokens), restarts a worker that dies, and on `signal` stops
 * them all gracefully. Resolves with the URL once every worker listens; `stopped` settles when all have exited.
 */
export async function runWorkers(
  config: Config,
  workers: number,
  logger: Logger,
  signal: AbortSignal,
): Promise<{ url: string | undefined; stopped: Promise<void> }> {
  if (!config.database.url) throw new Error("workers need PostgreSQL (DATABASE_URL)");
  if (!config.redisUrl) logger.warn("workers without REDIS_URL keep their own answer caches and rate-limit counters");
  const generated = [
    ...(config.auth.jwtSecret === undefined ? ["JWT_SECRET"] : []),
    ...(config.sources.credentialsKey === undefined ? ["SOURCE_CREDENTIALS_KEY"] : []),
  ];
  // The primary holds the one-instance lock for generated secrets on behalf of all its workers.
  const release = generated.length > 0 ? await claimGeneratedSecrets(config.database.url, generated, logger) : async () => undefined;
  const env = {
    JWT_SECRET: (await resolveJwtSettings(config)).secret,
    SOURCE_CREDENTIALS_KEY: (await resolveCredentialsKey(config).catch(() => undefined))?.toString("base64"),
  };
  const workerEnv = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) as Record<string, string>;

  const restarts: number[] = [];
  let stopping = false;
  let allExited = () => undefined as void;
  const exited = new Promise<void>((resolve) => (allExited = resolve));
  // Workers that have not exited (cluster.workers keeps an exited worker until it has also disconnected).
  const live = new Map<number, Worker>();
  const stopAll = () => {
    stopping = true;
    if (live.size === 0) return allExited();
    for (const worker of live.values()) worker.send({ type: "stop" } satisfies StopMessage);
    // A worker that cannot finish its shutdown in time is killed.
    setTimeout(() => {
      for (const worker of live.values()) worker.process.kill("SIGKILL");
    }, config.http.shutdownTimeoutMs + 5_000).unref();
  };
  const fork = () => {
    const worker = cluster.fork(workerEnv);
    live.set(worker.id, worker);
  };
  cluster.on("exit", (worker: Worker, code, exitSignal) => {
    live.delete(worker.id);
    if (stopping) return void (live.size === 0 && allExited());
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
    const details = { worker: worker.process.pid, code, signal: exitSignal };
    if (restarts.length > MAX_RESTARTS) {
      logger.error(details, `workers keep exiting (${restarts.length} within a minute): stopping the gateway`);
      process.exitCode = 1;
      return stopAll();
    }
    logger.error(details, "worker exited; starting another");
    fork();
  });
  signal.addEventListener("abort", stopAll, { once: true });

  let url: string | undefined;
  const listening = new Promise<void>((resolve) => {
    const ready = new Set<number>();
    cluster.on("message", (worker: Worker, message: unknown) => {
      if (!isListening(message)) return;
      url ??= message.url;
      ready.add(worker.id);
      if (ready.size >= workers) resolve();
    });
  });
  for (let i = 0; i < workers; i++) fork();
  await Promise.race([listening, exited]);
  return { url: stopping ? undefined : url, stopped: exited.finally(release) };
}

interface StopMessage {
  readonly type: "stop";
}

/**
 * In a worker: calls `stop` when the primary asks it to stop, or when the primary is gone. A
 * worker ignores SIGTERM and SIGINT (see serveCommand): a signal sent to the whole process group
 * reaches the primary, which stops its workers in order.
 */
export function onStopRequested(stop: () => void): void {
  process.on("message", (message: unknown) => {
    if (typeof message === "object" && message !== null && (message as StopMessage).type === "stop") stop();
  });
  process.once("disconnect", stop);
}

interface ListeningMessage {
  readonly type: "listening";
  readonly url: string;
}

function isListening(message: unknown): message is ListeningMessage {
  return typeof message === "object" && message !== null && (message as ListeningMessage).type === "listening";
}

/** Tells the primary (when there is one) that this worker serves at `url`. */
export function reportListening(url: string): void {
  if (cluster.isWorker) process.send?.({ type: "listening", url } satisfies ListeningMessage);
}
