import { z } from "zod";

/** What the seed generates. The same options always produce the same rows. */
export interface SeedOptions {
  readonly organizations: number;
  readonly usersPerOrganization: number;
  readonly teamsPerOrganization: number;
  /** Days of usage history ending the day before `endDate`. */
  readonly days: number;
  /** Exclusive end of the history, a UTC day (YYYY-MM-DD). */
  readonly endDate: string;
  readonly seed: number;
  /** Daily statistics snapshots kept per Rocket.Chat workspace. */
  readonly snapshotDays: number;
}

export const SEED_PRESETS = {
  demo: { organizations: 3, usersPerOrganization: 67, teamsPerOrganization: 5, days: 400, seed: 42, snapshotDays: 120 },
  medium: { organizations: 10, usersPerOrganization: 200, teamsPerOrganization: 12, days: 400, seed: 42, snapshotDays: 120 },
  large: { organizations: 10, usersPerOrganization: 2000, teamsPerOrganization: 50, days: 400, seed: 42, snapshotDays: 120 },
  tiny: { organizations: 2, usersPerOrganization: 12, teamsPerOrganization: 3, days: 45, seed: 7, snapshotDays: 10 },
} as const satisfies Record<string, Omit<SeedOptions, "endDate">>;

export type SeedPreset = keyof typeof SEED_PRESETS;

const count = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

const OptionsSchema = z.object({
  organizations: count("organizations", 1, 1_000),
  usersPerOrganization: count("users per organization", 3, 100_000),
  teamsPerOrganization: count("teams per organization", 1, 1_000),
  days: count("days", 1, 3_660),
  endDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "end date must be YYYY-MM-DD")
    .refine((value) => new Date(`${value}T00:00:00.000Z`).toISOString().startsWith(value), "end date is not a real day"),
  seed: count("seed", 0, 2 ** 31 - 1),
  snapshotDays: count("snapshot days", 0, 3_660),
});

/** Today (UTC) as YYYY-MM-DD: the default end of the generated history. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Resolves a preset plus overrides into validated options.
 * @throws Error with every problem in one message when an option is out of range.
 */
export function resolveSeedOptions(
  preset: SeedPreset,
  overrides: Partial<Record<keyof SeedOptions, string | number | undefined>> = {},
): SeedOptions {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const parsed = OptionsSchema.safeParse({ ...SEED_PRESETS[preset], endDate: todayUtc(), ...defined });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}

export function isSeedPreset(value: string): value is SeedPreset {
  return Object.hasOwn(SEED_PRESETS, value);
}
