import { ApiError, authorization, raiseErrors } from "./api.js";

/** An export URL: a path under /export and its query parameters (undefined ones are left out). */
export interface ExportRequest {
  readonly path: `/export/${string}`;
  readonly params: Record<string, string | number | undefined>;
}

export function exportUrl({ path, params }: ExportRequest): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, String(value));
  return `${path}?${query.toString()}`;
}

async function fetchExport(request: ExportRequest): Promise<{ body: Blob; filename: string | undefined }> {
  let response: Response;
  try {
    response = await fetch(exportUrl(request), { headers: authorization() });
  } catch {
    throw new ApiError("The gateway did not answer the download. Try again.", "NETWORK", 0);
  }
  if (!response.ok) {
    // Refusals are JSON in GraphQL's shape ({"errors":[{"message","extensions":{"code"}}]}).
    const body = (await response.json().catch(() => ({}))) as Parameters<typeof raiseErrors>[0];
    raiseErrors(body, response.status);
    throw new ApiError(`The download failed (HTTP ${response.status}).`, "HTTP", response.status);
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  return { body: await response.blob(), filename: /filename="([^"]+)"/.exec(disposition)?.[1] };
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches one export (a CSV or the organization ZIP) with the signed-in token and saves it under the gateway's file name. */
export async function downloadFile(request: ExportRequest): Promise<void> {
  const file = await fetchExport(request);
  save(file.body, file.filename ?? "export");
}

/**
 * Fetches the CSV export(s) behind a chart or table with the signed-in token and saves them as one
 * file: the first file whole, the header line of the others dropped (they share it), so a chart
 * with one series per vendor saves the rows of every series it shows.
 */
export async function downloadCsv(requests: readonly ExportRequest[], filename?: string): Promise<void> {
  const files = await Promise.all(requests.map(fetchExport));
  const texts = await Promise.all(files.map((file) => file.body.text()));
  const parts = texts.map((text, index) => (index === 0 ? text : text.slice(text.indexOf("\r\n") + 2)));
  save(new Blob(parts, { type: "text/csv;charset=utf-8" }), filename ?? files[0]?.filename ?? "export.csv");
}
