import { describe, expect, it } from "vitest";
import { accountUtilizationStart, utilizationMonths } from "./accounts.service.js";

const month = (m: string) => new Date(`${m}-01T00:00:00.000Z`);
const change = (m: string, registrations: number, invitations: number, deactivations: number) => ({
  organizationId: "o",
  month: month(m),
  registrations,
  invitations,
  deactivations,
});

describe("utilizationMonths", () => {
  it("carries earlier changes into the first month and keeps month-end counts running", () => {
    const changes = [change("2024-06", 5, 0, 0), change("2024-12", 0, 0, 2), change("2025-02", 3, 2, 1), change("2025-04", 1, 0, 1)];
    expect(utilizationMonths(changes, month("2025-01"), new Date("2025-04-15T00:00:00Z"))).toEqual([
      { year: 2025, month: 1, registered: 3, deactivated: 2, active: 3, pending: 0 },
      { year: 2025, month: 2, registered: 5, deactivated: 3, active: 6, pending: 2 },
      { year: 2025, month: 3, registered: 5, deactivated: 3, active: 5, pending: 2 },
      { year: 2025, month: 4, registered: 5, deactivated: 4, active: 6, pending: 2 },
    ]);
  });

  it("has no month after the current one, and none when the start is later", () => {
    expect(utilizationMonths([], month("2025-03"), new Date("2025-03-01T00:00:00Z"))).toHaveLength(1);
    expect(utilizationMonths([change("2025-01", 1, 0, 0)], month("2025-05"), new Date("2025-04-30T23:59:59Z"))).toEqual([]);
  });

  it("starts 11 months before the current one by default", () => {
    expect(accountUtilizationStart(null, new Date("2025-03-05T00:00:00Z"))).toEqual(month("2024-04"));
  });
});
