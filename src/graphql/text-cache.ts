import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { LRUCache } from "lru-cache";
import { Gauge, type Registry } from "prom-client";

/** A cache of answer texts in this process that never holds more than `maxBytes` (least recently used go first). */
export interface MemoryTextCache extends KeyValueCache<string> {
  /** Bytes the cached texts and their keys take now, as accounted against the budget. */
  readonly bytes: number;
  readonly maxBytes: number;
}

/**
 * Bytes a cached text takes in memory: its UTF-8 length, but two bytes a character when it holds a
 * character beyond ASCII, since V8 then may keep the whole string at two bytes a character.
 */
export function textBytes(text: string): number {
  const utf8 = Buffer.byteLength(text, "utf8");
  return utf8 === text.length ? utf8 : Math.max(utf8, 2 * text.length);
}

/** An in-process text cache within `maxBytes`; a text larger than the budget is not kept. */
export function memoryTextCache(maxBytes: number): MemoryTextCache {
  const cache = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (text, key) => textBytes(text) + key.length });
  return {
    maxBytes,
    get bytes() {
      return cache.calculatedSize;
    },
    async get(key) {
      return cache.get(key);
    },
    async set(key, value, options) {
      cache.set(key, value, { ttl: options?.ttl ? options.ttl * 1_000 : 0 });
    },
    async delete(key) {
      return cache.delete(key);
    },
  };
}

/** The in-process answer caches of a gateway, by name, for /metrics. */
export class AnswerCacheSizes {
  private readonly caches = new Map<string, MemoryTextCache>();

  add(name: string, cache: MemoryTextCache): void {
    this.caches.set(name, cache);
  }

  /** `answer_cache_bytes{cache}` and `answer_cache_max_bytes{cache}` in `registry`. */
  register(registry: Registry): void {
    const caches = this.caches;
    new Gauge({
      name: "answer_cache_bytes",
      help: "Bytes held by an in-process answer cache (graphql: whole GraphQL answers, rest: results of the vendor routes' operations).",
      labelNames: ["cache"],
      registers: [registry],
      collect() {
        for (const [name, cache] of caches) this.set({ cache: name }, cache.bytes);
      },
    });
    new Gauge({
      name: "answer_cache_max_bytes",
      help: "Memory budget of an in-process answer cache (GRAPHQL_CACHE_MAX_BYTES, REST_CACHE_MAX_BYTES).",
      labelNames: ["cache"],
      registers: [registry],
      collect() {
        for (const [name, cache] of caches) this.set({ cache: name }, cache.maxBytes);
      },
    });
  }
}
