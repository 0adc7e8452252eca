import { useMemo, useState, type ReactNode } from "react";
import { formatNumber } from "../format.js";
import { EChart, type ChartOption } from "./echart.js";
import { DownloadButton, Panel } from "./panel.js";
import { Empty } from "./state.js";

export interface ChartSeries {
  /** Stable id, e.g. `TEAMWIRE:MESSAGES_SENT`; the table view's column carries it. */
  readonly key: string;
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
}

export interface ChartCategory {
  /** Stable id, e.g. the bucket's ISO start; the table view's row carries it. */
  readonly key: string;
  readonly label: string;
}

export interface ChartPanelProps {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** Heading of the table view's first column (Bucket, Day, OS…). */
  readonly categoryName: string;
  readonly categories: readonly ChartCategory[];
  readonly series: readonly ChartSeries[];
  readonly kind?: "line" | "bar";
  /** Bars along the vertical axis (long category names: devices, locales). */
  readonly horizontal?: boolean;
  readonly download?: () => Promise<void>;
  readonly empty?: string;
  readonly wide?: boolean;
  /** Inputs that change what the chart shows (e.g. a metric picker), before its buttons. */
  readonly controls?: ReactNode;
}

function chartOption(props: ChartPanelProps): ChartOption {
  const { title, categories, series, kind = "line", horizontal = false } = props;
  const categoryAxis = {
    type: "category" as const,
    data: categories.map((c) => c.label),
    axisLabel: { hideOverlap: true },
    ...(horizontal ? { inverse: true } : {}),
  };
  const valueAxis = { type: "value" as const, minInterval: series.every((s) => s.values.every(Number.isInteger)) ? 1 : 0 };
  const many = categories.length > 60;
  return {
    animation: false,
    aria: {
      enabled: true,
      label: {
        description: `${title}: ${kind === "bar" ? "bar" : "line"} chart of ${series.map((s) => s.name).join(", ")} over ${categories.length} ${props.categoryName.toLowerCase()} values. Use "Table view" for the numbers.`,
      },
    },
    color: series.map((s) => s.color),
    tooltip: { trigger: "axis", valueFormatter: (value) => (typeof value === "number" ? formatNumber(value) : String(value)) },
    legend: { show: series.length > 1, top: 0, type: "scroll" },
    grid: { left: horizontal ? 8 : 12, right: 24, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, axisLabel: { width: 140, overflow: "truncate" } } : valueAxis,
    series: series.map((s) =>
      kind === "bar"
        ? { type: "bar", name: s.name, data: [...s.values], barMaxWidth: 28 }
        : { type: "line", name: s.name, data: [...s.values], showSymbol: !many, symbolSize: 5, sampling: many ? "lttb" : undefined },
    ),
  };
}

/** A labelled chart with a "Table view" of the same numbers and a CSV download of its export. */
export function ChartPanel(props: ChartPanelProps) {
  const { id, title, description, categories, series, download, empty, wide, controls } = props;
  const [tableView, setTableView] = useState(false);
  const option = useMemo(() => chartOption(props), [props]);
  const height = props.horizontal ? Math.max(160, Math.min(categories.length, 14) * 26 + 40) : 260;
  const hasData = categories.length > 0 && series.length > 0;
  return (
    <Panel
      id={id}
      title={title}
      description={description}
      wide={wide}
      actions={
        <>
          {controls}
          <button type="button" aria-pressed={tableView} disabled={!hasData} onClick={() => setTableView(!tableView)}>
            Table view
          </button>
          {download && <DownloadButton what={title} download={download} />}
        </>
      }
    >
      {!hasData ? (
        <Empty>{empty ?? "Nothing to show for this selection."}</Empty>
      ) : tableView ? (
        <div className="table-scroll">
          <table data-table={id}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.categoryName}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="numeric" data-series={s.key}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category, row) => (
                <tr key={category.key} data-key={category.key}>
                  <th scope="row">{category.label}</th>
                  {series.map((s) => (
                    <td key={s.key} className="numeric" data-series={s.key} data-value={s.values[row]}>
                      {formatNumber(s.values[row] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EChart option={option} height={height} />
      )}
    </Panel>
  );
}
