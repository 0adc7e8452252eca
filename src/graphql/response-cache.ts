import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Redis } from "ioredis";
import { createHash } from "node:crypto";
import { getOperationAST, OperationTypeNode, print, type DocumentNode, type ExecutionResult, type FormattedExecutionResult } from "graphql";
import type { Viewer } from "../auth/viewer.js";
import { dataVersionOf } from "../db/data-version.js";
import { redisTextCache } from "../db/redis.js";
import type { GraphQLContext } from "../context.js";
import { memoryTextCache, type AnswerCacheSizes } from "./text-cache.js";

export interface ResponseCacheSettings {
  /** How long a cached answer may be served, in seconds; 0 turns the cache off. */
  readonly ttlSeconds: number;
  /** Memory the cached GraphQL answers may take, in bytes (least recently used go first). */
  readonly maxBytes: number;
  /** Memory the cached results of the vendor routes' operations may take, in bytes. */
  readonly restMaxBytes: number;
  /** Where the in-process caches report their sizes (/metrics). */
  readonly sizes?: AnswerCacheSizes;
  /** Keeps the answers in Redis instead, shared by every instance (REDIS_URL), under `namespace`. */
  readonly redis?: Redis | undefined;
  readonly namespace?: string;
}

/** The answer cache's Apollo plugins and the result serializer that goes with them. */
export interface GraphQLAnswerCache {
  readonly plugins: ApolloServerPlugin<GraphQLContext>[];
  /** Apollo's `stringifyResult`: writes a cached answer out as its stored text. */
  readonly stringifyResult: (value: FormattedExecutionResult) => string;
}

const stringify = (value: FormattedExecutionResult) => `${JSON.stringify(value)}\n`; // as Apollo's default

const hashOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

function textCache(settings: ResponseCacheSettings, name: "answers" | "operations"): KeyValueCache<string> {
  if (settings.redis) return redisTextCache(settings.redis, `${settings.namespace ?? "ug"}:${name}:`);
  const cache = memoryTextCache(name === "answers" ? settings.maxBytes : settings.restMaxBytes);
  settings.sizes?.add(name === "answers" ? "graphql" : "rest", cache);
  return cache;
}

/**
 * Caches whole query answers in this process (or in Redis, shared by every instance), as the exact text sent (the REST adapters use
 * createOperationCache). An answer is keyed on the query, its variables, the viewer (user,
 * role, team, organization) and the data version of what that viewer can see, which every
 * write raises: an answer is never served after the data behind it changed, and the TTL bounds
 * how long answers that depend on the clock ("this month") live. Authentication and the query
 * limits still run on every request; answers with errors, mutations and answers whose fields
 * say so (doNotCache) are never cached.
 *
 * A hit costs no parsing and no serializing: the plugin answers with a placeholder `data`
 * object and `stringifyResult` writes the stored text in its place. (Apollo's response-cache
 * plugin stores JSON and parses and re-serializes it on every hit: 2.6 ms for a 480 KB answer.)
 */
export function createAnswerCache(settings: ResponseCacheSettings): GraphQLAnswerCache {
  // Apollo adds its cache-control plugin with max age 0 when none is given, which caches nothing.
  const cacheControl = ApolloServerPluginCacheControl({ defaultMaxAge: settings.ttlSeconds, calculateHttpHeaders: false });
  if (settings.ttlSeconds === 0) return { plugins: [cacheControl], stringifyResult: stringify };
  const cache = textCache(settings, "answers");
  const served = new WeakMap<object, string>(); // placeholder data of a hit → its stored text
  const toStore = new WeakMap<object, { key: string; ttl: number }>(); // data of a cacheable miss → where it goes
  const answers: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation({ operation, source, operationName, request, contextValue }) {
          if (operation?.operation !== OperationTypeNode.QUERY) return null;
          key = hashOf({ source, operationName, variables: request.variables ?? {}, scope: await answerScope(contextValue) });
          const text = await cache.get(key);
          if (text === undefined) return null;
          const data = {};
          served.set(data, text);
          // The key names the stored text exactly, so it is its ETag: express then does not hash
          // the whole answer again on every hit to make one.
          return {
            body: { kind: "single", singleResult: { data } },
            http: { status: undefined, headers: new HeaderMap([["etag", `W/"${key}"`]]) },
          };
        },
        async willSendResponse({ response, overallCachePolicy }) {
          if (key === null || response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          const policy = overallCachePolicy.policyIfCacheable();
          if (errors || !data || served.has(data) || !policy) return;
          toStore.set(data, { key, ttl: Math.min(policy.maxAge, settings.ttlSeconds) });
        },
      };
    },
  };
  return {
    plugins: [cacheControl, answers],
    stringifyResult(value) {
      if (!value.data || value.errors || value.extensions) return stringify(value);
      const text = served.get(value.data);
      if (text !== undefined) return text;
      const written = stringify(value);
      const target = toStore.get(value.data);
      if (target) cache.set(target.key, written, { ttl: target.ttl }).catch(() => undefined); // a full cache only drops entries
      return written;
    },
  };
}

type AnswerScope = { viewer: Viewer | null; dataVersion?: string };
const scopes = new WeakMap<GraphQLContext, Promise<AnswerScope>>();

/**
 * What an answer depends on besides the operation and its variables: the viewer (user, role,
 * team, organization) and the data version of what that viewer can see (a SUPERADMIN: every
 * organization). Read once per request (and again after a mutation): a REST route running
 * several operations shares it.
 */
export function answerScope(context: GraphQLContext): Promise<AnswerScope> {
  let scope = scopes.get(context);
  if (!scope) {
    const { viewer, prisma } = context;
    scope = viewer
      ? dataVersionOf(prisma, viewer.role === "SUPERADMIN" ? null : viewer.organizationId).then((dataVersion) => ({ viewer, dataVersion }))
      : Promise.resolve({ viewer: null });
    scopes.set(context, scope);
  }
  return scope;
}

/** Results of stored operations (the REST adapters), kept under the same rules as GraphQL answers. */
export interface OperationCache {
  /** The cached result of a query operation, or runs `execute` and keeps its result when it has no errors. */
  resolve(
    context: GraphQLContext,
    document: DocumentNode,
    variables: Record<string, unknown>,
    execute: () => Promise<ExecutionResult>,
  ): Promise<ExecutionResult>;
}

/** An operation cache with `settings`, or null when the TTL is 0. */
export function createOperationCache(settings: ResponseCacheSettings): OperationCache | null {
  if (settings.ttlSeconds === 0) return null;
  const cache = textCache(settings, "operations");
  return {
    async resolve(context, document, variables, execute) {
      const operation = getOperationAST(document);
      if (operation?.operation !== OperationTypeNode.QUERY || !context.viewer) {
        // A mutation may raise the data version: later operations of the request read it anew.
        const result = await execute();
        scopes.delete(context);
        return result;
      }
      const key = hashOf({ operation: print(document), variables, scope: await answerScope(context) });
      const cached = await cache.get(key);
      if (cached !== undefined) return { data: JSON.parse(cached) as Record<string, unknown> };
      const result = await execute();
      if (!result.errors && result.data) await cache.set(key, JSON.stringify(result.data), { ttl: settings.ttlSeconds });
      return result;
    },
  };
}
