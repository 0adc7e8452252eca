import { useState, type ReactNode } from "react";

/** A titled block of the page (a chart or a table), with its actions at the top right. */
export function Panel({
  id,
  title,
  description,
  actions,
  children,
  wide,
}: {
  id: string;
  title: string;
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <section className={wide ? "panel wide" : "panel"} aria-labelledby={`${id}-title`} data-panel={id}>
      <header className="panel-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {actions && <div className="actions">{actions}</div>}
      </header>
      {description && <p className="hint">{description}</p>}
      {children}
    </section>
  );
}

/** Saves what a chart or table shows as CSV (fetched from its /export URL); busy and error states included. */
export function DownloadButton({
  what,
  download,
  label = "Download CSV",
}: {
  what: string;
  download: () => Promise<void>;
  label?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await download();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="download">
      <button
        type="button"
        aria-label={label === "Download CSV" ? `Download ${what} as CSV` : `${label}: ${what}`}
        disabled={busy}
        onClick={() => void start()}
      >
        {busy ? "Downloading…" : label}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
