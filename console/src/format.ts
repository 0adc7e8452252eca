import type { UsageMetric, Vendor } from "./__generated__/operations.js";

/** Names and colours people see for the vendors, in the gateway's order. */
export const VENDORS: readonly { id: Vendor; name: string; color: string }[] = [
  { id: "TEAMWIRE", name: "Teamwire", color: "#1f6fd1" },
  { id: "ROCKETCHAT", name: "Rocket.Chat", color: "#e0364f" },
  { id: "TABNINE", name: "Tabnine", color: "#7b42d6" },
];
export const vendorName = (vendor: Vendor) => VENDORS.find((v) => v.id === vendor)?.name ?? vendor;
export const vendorColor = (vendor: Vendor) => VENDORS.find((v) => v.id === vendor)?.color ?? "#666";
export const ANY_VENDOR_COLOR = "#2d3a4a";

export const METRIC_LABELS: Record<UsageMetric, string> = {
  ACTIVE_USERS: "Active users",
  MESSAGES_SENT: "Messages sent",
  CONNECTOR_ACTIVATIONS: "Connector activations",
  SESSION_SECONDS: "Session time (s)",
  COMPLETION_ACTIVE_USERS: "Completion users",
  CODE_COMPLETIONS: "Code completions",
  COMPLETION_CHARS: "Completed characters",
  KEYSTROKES: "Keystrokes",
  COMPLETION_LINES: "Completed lines",
  AUTOMATION_FACTOR: "Automation factor",
  CHAT_ACTIVE_USERS: "AI chat users",
  CHAT_INTERACTIONS: "AI chat interactions",
  USEFUL_CHAT_INTERACTIONS: "Useful AI chat interactions",
  CHAT_LINES: "AI chat lines",
  CHAT_CHARS: "AI chat characters",
  CHAT_CONSUMPTION_RATE: "AI chat consumption rate",
  PRODUCTIVITY_FACTOR: "Productivity factor",
};
export const METRICS = Object.keys(METRIC_LABELS) as UsageMetric[];

const integer = new Intl.NumberFormat("en");
const fraction = new Intl.NumberFormat("en", { maximumFractionDigits: 3 });

/** A value as shown in charts and tables: whole numbers with separators, ratios to three decimals. */
export const formatNumber = (value: number) => (Number.isInteger(value) ? integer.format(value) : fraction.format(value));

export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return "never";
  return new Date(iso).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

export const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : "–");
