import type { TypedDocumentString } from "./__generated__/operations.js";

/** The token of the signed-in admin, kept for the browser tab only (GraphiQL uses the same key). */
const TOKEN_KEY = "usage-gateway:token";
const SESSION_ENDED = "usage-console:session-ended";

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  start: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  end: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A refusal or failure, with the GraphQL error code (or NETWORK / HTTP) and the gateway's own message. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Calls `listener` when the gateway refuses the stored token (expired, revoked); returns the unsubscribe. */
export function onSessionEnded(listener: () => void): () => void {
  window.addEventListener(SESSION_ENDED, listener);
  return () => window.removeEventListener(SESSION_ENDED, listener);
}

/** The headers of every request: the stored token as a Bearer credential. */
export function authorization(): Record<string, string> {
  const token = session.token();
  return token ? { authorization: `Bearer ${token}` } : {};
}

interface GraphQLBody<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Raises the first error of a GraphQL-shaped body; a refused token ends the session. */
export function raiseErrors(body: GraphQLBody<unknown>, status: number): void {
  const error = body.errors?.[0];
  if (!error) return;
  const code = error.extensions?.code ?? "ERROR";
  if (code === "UNAUTHENTICATED" && session.token()) window.dispatchEvent(new Event(SESSION_ENDED));
  throw new ApiError(error.message, code, status);
}

/** Runs one of the console's typed operations against POST /graphql with the signed-in token. */
export async function graphql<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...authorization() },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError("The gateway did not answer. Check that it is running, then try again.", "NETWORK", 0);
  }
  let body: GraphQLBody<R>;
  try {
    body = (await response.json()) as GraphQLBody<R>;
  } catch {
    throw new ApiError(`The gateway answered ${response.status} without a GraphQL result.`, "HTTP", response.status);
  }
  raiseErrors(body, response.status);
  if (!body.data) throw new ApiError("The gateway answered without data.", "HTTP", response.status);
  return body.data;
}
