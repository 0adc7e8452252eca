import type { Resolution } from "../__generated__/operations.js";
import { PRESETS, RESOLUTIONS, timeZoneChoices, type Range, type RangeChoice } from "../range.js";

/** Range presets, a custom range, the resolution and the time zone, shared by every view. */
export function RangeBar({
  choice,
  range,
  error,
  onChange,
}: {
  choice: RangeChoice;
  range: Range;
  error?: string;
  onChange: (choice: RangeChoice) => void;
}) {
  const set = (change: Partial<RangeChoice>) => onChange({ ...choice, ...change });
  return (
    <form className="range-bar" aria-label="Range" onSubmit={(event) => event.preventDefault()}>
      <div role="group" aria-label="Range preset" className="presets">
        {PRESETS.map((preset) => (
          <button key={preset.id} type="button" aria-pressed={choice.preset === preset.id} onClick={() => set({ preset: preset.id })}>
            {preset.label}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={choice.preset === "custom"}
          onClick={() => set({ preset: "custom", firstDay: range.firstDay, lastDay: range.lastDay })}
        >
          Custom
        </button>
      </div>
      {choice.preset === "custom" && (
        <>
          <label>
            First day <input type="date" value={choice.firstDay} onChange={(event) => set({ firstDay: event.target.value })} />
          </label>
          <label>
            Last day <input type="date" value={choice.lastDay} onChange={(event) => set({ lastDay: event.target.value })} />
          </label>
        </>
      )}
      <label>
        Resolution{" "}
        <select value={choice.resolution} onChange={(event) => set({ resolution: event.target.value as Resolution })}>
          {RESOLUTIONS.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Time zone{" "}
        <select value={choice.timeZone} onChange={(event) => set({ timeZone: event.target.value })}>
          {timeZoneChoices().map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <output
        className="range-shown"
        data-from={range.from}
        data-to={range.to}
        data-resolution={range.resolution}
        data-time-zone={range.timeZone}
        aria-live="polite"
      >
        {range.firstDay} – {range.lastDay} · {range.timeZone}
      </output>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
