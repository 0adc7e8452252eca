import type { ReactNode } from "react";
import type { ApiError } from "../api.js";
import type { Loadable } from "../hooks.js";

export function Loading({ what }: { what: string }) {
  return (
    <p className="state loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function ErrorState({ error, what, retry }: { error: ApiError; what: string; retry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <p>
        Could not load {what}: {error.message} <code>{error.code}</code>
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** The loading and error states of a query, and its data once there. */
export function Loaded<T>({
  value,
  what,
  children,
}: {
  value: Loadable<T> & { reload: () => void };
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (value.state === "loading") return <Loading what={what} />;
  if (value.state === "error") return <ErrorState error={value.error} what={what} retry={value.reload} />;
  return <>{children(value.data)}</>;
}
