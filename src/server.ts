import http from "node:http";
import type { AddressInfo } from "node:net";
import { createApp, type AppDeps, type AppOptions } from "./app.js";

export interface StartServerOptions extends AppDeps {
  /** See {@link AppOptions.mount}. */
  readonly mount?: AppOptions["mount"];
  /** See {@link AppOptions.mountBeforeBodyParser}. */
  readonly mountBeforeBodyParser?: AppOptions["mountBeforeBodyParser"];
  /** See {@link AppOptions.registerMetrics}. */
  readonly registerMetrics?: AppOptions["registerMetrics"];
}

export interface RunningServer {
  /** Where the server answers, e.g. `http://127.0.0.1:4000` (the real port when PORT=0). */
  readonly url: string;
  readonly server: http.Server;
  /**
   * Stops accepting connections, lets in-flight requests finish for up to
   * `config.http.shutdownTimeoutMs`, then destroys the remaining sockets. Leaves the database
   * open (the caller owns it). Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

const IDLE_SWEEP_MS = 50;

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case "EADDRINUSE":
      return new Error(`port ${port} on ${host} is already in use (set PORT to another port)`);
    case "EACCES":
      return new Error(`no permission to listen on port ${port} on ${host} (set PORT to a port above 1023)`);
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return new Error(`cannot listen on ${host}: no such address on this machine (set HOST to another address)`);
    default:
      return new Error(`cannot listen on ${host}:${port}: ${error.code ?? error.message.split("\n")[0]}`);
  }
}

function listen(server: http.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function urlOf(address: AddressInfo): string {
  const unspecified = address.address === "0.0.0.0" || address.address === "::";
  const host = unspecified ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function shutdown(server: http.Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Keep-alive sockets become idle once their request finishes: close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close((error) => {
      clearInterval(sweep);
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * Creates the app and listens on `config.http.host`/`config.http.port` (0 picks a free port).
 * Resolves once listening; rejects with a one-line message when the port is taken (or the
 * address cannot be used). Never calls `process.exit`.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const { app } = createApp(options, {
    mount: options.mount,
    mountBeforeBodyParser: options.mountBeforeBodyParser,
    registerMetrics: options.registerMetrics,
  });
  const server = http.createServer(app);
  const { host, port, shutdownTimeoutMs } = config.http;
  await listen(server, host, port);
  server.on("error", (error) => logger.error({ err: error }, "HTTP server error"));
  const url = urlOf(server.address() as AddressInfo);
  let closing: Promise<void> | undefined;
  return {
    url,
    server,
    close: () => (closing ??= shutdown(server, shutdownTimeoutMs)),
  };
}
