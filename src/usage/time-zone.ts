import { IANAZone } from "luxon";

/** The time basis of every series unless a request or its organization names another. */
export const UTC = "UTC";

/** Error for a name that is not an IANA time zone; the message names the rule. */
export class TimeZoneError extends Error {
  override readonly name = "TimeZoneError";
}

/**
 * `name` checked as an IANA zone name; UTC and its aliases (`Etc/UTC`, `Etc/GMT`, `Zulu`…)
 * become `UTC`, so they share one cache entry and the UTC fast path. Other names are kept as
 * given (ICU would turn `Asia/Kolkata` into its legacy `Asia/Calcutta`).
 * @throws TimeZoneError for anything that is not an IANA zone name.
 */
export function canonicalTimeZone(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || name.length > 64 || !IANAZone.isValidZone(name)) {
    throw new TimeZoneError(`timeZone must be an IANA time zone name such as "Europe/Berlin" or "UTC"; "${printable(name)}" is not one`);
  }
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  return resolved === UTC ? UTC : name;
}

function printable(name: string): string {
  const shown = name.length > 64 ? `${name.slice(0, 64)}…` : name;
  return shown.replace(/[^\x20-\x7e]/g, "?");
}
