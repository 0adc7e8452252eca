import { createHash } from "node:crypto";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

const METEOR_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";

/**
 * A deterministic random source. `Random.for(seed, ...path)` gives an independent stream per
 * entity (e.g. one per user), so changing one option does not reshuffle unrelated data.
 */
export class Random {
  private constructor(private readonly rng: ReturnType<typeof xoroshiro128plus>) {}

  static for(seed: number, ...path: (string | number)[]): Random {
    const digest = createHash("sha256")
      .update(`${seed}/${path.join("/")}`)
      .digest();
    return new Random(xoroshiro128plus(digest.readInt32LE(0)));
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** Float in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(0, items.length - 1)] as T;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.float() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** A version-4-shaped UUID. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[this.int(0, 3)]!;
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** A 17-character Meteor-style id, as Rocket.Chat uses for users, workspaces and snapshots. */
  meteorId(): string {
    return Array.from({ length: 17 }, () => METEOR_ALPHABET[this.int(0, METEOR_ALPHABET.length - 1)]).join("");
  }
}
