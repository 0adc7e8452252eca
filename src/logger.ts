import { pino, stdTimeFunctions, type DestinationStream, type Logger as PinoLogger } from "pino";
import type { LogLevel } from "./config.js";

/** The structured logger passed to every component (never imported as a global). */
export type Logger = PinoLogger;

/** Header values that carry credentials. */
const SECRET_HEADER_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-auth-token"]',
  'req.headers["set-cookie"]',
  'res.headers["set-cookie"]',
];

/** Keys whose value is a credential wherever they appear (up to four levels deep). */
const SECRET_KEYS = [
  "password",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "apiToken",
  "authToken",
  "secret",
  "jwtSecret",
  "clientSecret",
  "authorization",
  "credentials",
  "encryptedCredentials",
];

function redactedPaths(): string[] {
  const paths = [...SECRET_HEADER_PATHS];
  for (const key of SECRET_KEYS) {
    for (const prefix of ["", "*.", "*.*.", "*.*.*."]) paths.push(prefix + key);
  }
  return paths;
}

/**
 * Creates the process logger: JSON lines (ISO time, level as a label) written to `destination`
 * (stdout by default). Credential headers and any `password`/`token`/`secret`-like key are
 * replaced by "[REDACTED]" before a line is written.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: redactedPaths(), censor: "[REDACTED]" },
  };
  return destination ? pino(options, destination) : pino(options);
}
