import { useCallback, useEffect, useState } from "react";
import { ApiError, graphql } from "./api.js";
import type { TypedDocumentString } from "./__generated__/operations.js";

export type Loadable<T> =
  { readonly state: "loading" } | { readonly state: "error"; readonly error: ApiError } | { readonly state: "done"; readonly data: T };

/**
 * Runs `load` whenever `key` changes (null waits). An answer that arrives after a newer key was
 * asked for is dropped; `reload` runs it again.
 */
export function useLoad<R>(key: string | null, load: () => Promise<R>): Loadable<R> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<R>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setResult({ state: "loading" });
    load().then(
      (data) => current && setResult({ state: "done", data }),
      (error: unknown) =>
        current && setResult({ state: "error", error: error instanceof ApiError ? error : new ApiError(String(error), "ERROR", 0) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `key` says when it means something else.
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}

/** Runs a typed operation whenever its variables change (compared as JSON); null variables wait. */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V | null): Loadable<R> & { reload: () => void } {
  const key = variables === null ? null : JSON.stringify([document.toString(), variables]);
  return useLoad(key, () => graphql(document, variables as V));
}

/** The console's place, from the URL fragment: `#/teams/<id>` → ["teams", "<id>"]. */
export function useHashRoute(): readonly string[] {
  const read = () =>
    location.hash
      .replace(/^#\/?/, "")
      .split("/")
      .filter(Boolean)
      .map((part) => decodeURIComponent(part));
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () => setRoute(read());
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}
