/** RFC 4180 text: CRLF line ends; a field with a comma, a quote, CR or LF is quoted, its quotes doubled. */

export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
/** Text a spreadsheet would run as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field: null and undefined are empty; numbers as JSON writes them; text that a spreadsheet would
 * read as a formula (a user named `=HYPERLINK(…)`) gets a leading `'`, which spreadsheets show as text.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** Several records as one piece of text (a page of rows is written at once). */
export function csvRecords(rows: Iterable<readonly CsvValue[]>): string {
  let text = "";
  for (const row of rows) text += csvRecord(row);
  return text;
}
