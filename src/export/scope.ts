import type { OperationRunner } from "../rest/execute.js";
import { ExportOrganizationDocument } from "./__generated__/operations.js";

/** The slug of the organization an export is about (the viewer's own without an id), as GraphQL resolves it. */
export async function organizationSlug(run: OperationRunner, organizationId: string | undefined): Promise<string> {
  return (await run(ExportOrganizationDocument, { organizationId })).organization!.slug;
}

/** A file-name part from an ISO instant: the date at midnight UTC, else the compact date-time. */
export function fileDate(iso: string): string {
  const [date, time] = iso.split("T") as [string, string];
  if (time === "00:00:00.000Z") return date;
  return `${date}T${time.replace(/\.\d+Z$/, "Z").replaceAll(":", "")}`;
}

/** Keeps a file name to characters that need no escaping in Content-Disposition. */
export const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, "_");
