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

async function fetchExport(request: ExportRequest): Promise<{ text: string; filename: string | undefined }> {
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
  return { text: await response.text(), filename: /filename="([^"]+)"/.exec(disposition)?.[1] };
}

/**
 * Fetches the CSV export(s) behind a chart or table with the signed-in token and saves them as one
 * file: the first file whole, the header line of the others dropped (they share it), so a chart
 * with one series per vendor saves the rows of every series it shows.
 */
export async function downloadCsv(requests: readonly ExportRequest[], filename?: string): Promise<void> {
  const files = await Promise.all(requests.map(fetchExport));
  const parts = files.map((file, index) => (index === 0 ? file.text : file.text.slice(file.text.indexOf("\r\n") + 2)));
  const blob = new Blob(parts, { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename ?? files[0]?.filename ?? "export.csv";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
