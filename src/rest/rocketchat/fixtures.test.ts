import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The stored examples are the spec's (docs/vendors/rocketchat.md §2.1.2, §2.2, §2.3); shared/ sits beside the checkout in development.
const SPEC = new URL("../../../docs/vendors/rocketchat.md", import.meta.url);
const EXAMPLES = {
  statistics: "#### 2.1.2 Example",
  "statistics-list": "### 2.2 `GET /api/v1/statistics.list`",
  "active-users": "### 2.3 `GET /api/v1/engagement-dashboard/users/active-users`",
} as const;

describe("Rocket.Chat fixtures", () => {
  it.each(Object.entries(EXAMPLES))("%s.json is the documented example", (name, heading) => {
    let spec: string;
    try {
      spec = readFileSync(SPEC, "utf8");
    } catch {
      return;
    }
    const section = spec.slice(spec.indexOf(heading));
    const start = section.indexOf("```json") + 7;
    const documented: unknown = JSON.parse(section.slice(start, section.indexOf("```", start)));
    const stored = readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
    expect(stored).toBe(JSON.stringify(documented, null, 2) + "\n");
  });
});
