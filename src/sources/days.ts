export const DAY_MS = 86_400_000;

/** Midnight UTC of the day holding `date`. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `YYYY-MM-DD` of a UTC date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` string as midnight UTC; undefined when it is not a real calendar day. */
export function parseIsoDay(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || isoDay(date) !== value ? undefined : date;
}

/** `[from, until)` cut into consecutive windows of at most `maxDays` whole days. */
export function dayWindows(from: Date, until: Date, maxDays: number): { from: Date; to: Date }[] {
  const windows: { from: Date; to: Date }[] = [];
  for (let start = from; start < until; start = addDays(start, maxDays)) {
    const end = addDays(start, maxDays);
    windows.push({ from: start, to: end < until ? end : until });
  }
  return windows;
}
