import { useMemo, useState, type ReactNode } from "react";
import { Empty } from "./state.js";

export interface Column<T> {
  readonly key: string;
  readonly label: string;
  /** What the column sorts by and what its cell carries as `data-value`. */
  readonly value: (row: T) => string | number | null;
  readonly render?: (row: T) => ReactNode;
  readonly numeric?: boolean;
}

type Sort = { readonly key: string; readonly descending: boolean };

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

/** A table sorted by any column (its header is a button; `aria-sort` tells which), rows in a stable order. */
export function DataTable<T>({
  id,
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  empty,
}: {
  id: string;
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  initialSort: Sort;
  empty: string;
}) {
  const [sort, setSort] = useState<Sort>(initialSort);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    // Empty values stay last in both directions.
    return [...rows].sort((a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      if (x === null || y === null) return compare(x, y);
      return sort.descending ? compare(y, x) : compare(x, y);
    });
  }, [rows, columns, sort]);
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  const toggle = (key: string, numeric: boolean | undefined) =>
    setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: Boolean(numeric) }));
  return (
    <div className="table-scroll">
      <table data-table={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.numeric ? "numeric" : undefined}
                aria-sort={sort.key === column.key ? (sort.descending ? "descending" : "ascending") : undefined}
              >
                <button type="button" className="sort" onClick={() => toggle(column.key, column.numeric)}>
                  {column.label}
                  <span aria-hidden="true">{sort.key === column.key ? (sort.descending ? " ▼" : " ▲") : ""}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} data-key={rowKey(row)}>
              {columns.map((column) => (
                <td
                  key={column.key}
                  className={column.numeric ? "numeric" : undefined}
                  data-column={column.key}
                  data-value={column.value(row) ?? ""}
                >
                  {column.render ? column.render(row) : column.value(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
