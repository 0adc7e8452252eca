import { describe, expect, it } from "vitest";
import { planOrganizations, type IngestOrganization } from "./ingest.organizations.js";
import { parseBatch } from "./ingest.schema.js";

const ORG = "0b8e5f4c-3a51-4d7e-9f0a-2c6b1d3e4f5a";
const OTHER = "1c9f6a5d-4b62-4e8f-8a1b-3d7c2e4f5a6b";
const parse = (organizations: unknown[], maxEvents = 10) => parseBatch({ events: [], organizations }, { maxEvents });

describe("ingest organizations (settings)", () => {
  it("takes a privacy mode by identifier or exactly as Teamwire writes it", () => {
    const { batch, problems } = parse([
      { id: ORG.toUpperCase(), privacyMode: "GROUPS_ONLY" },
      { id: OTHER, privacyMode: "Address book only" },
    ]);
    expect(problems).toEqual([]);
    expect(batch!.organizations).toEqual([
      { id: ORG, privacyMode: "GROUPS_ONLY", index: 0 },
      { id: OTHER, privacyMode: "ADDRESS_BOOK_ONLY", index: 1 },
    ]);
  });

  it("names the field of every bad row", () => {
    const { problems } = parse([
      { id: ORG, privacyMode: "standard" },
      { id: "nope", privacyMode: "INTERNAL_ONLY" },
      { id: ORG },
      { id: ORG, privacyMode: "Internal only", plan: "Gold" },
    ]);
    expect(problems.map((p) => [p.list, p.index, p.field])).toEqual([
      ["organizations", 0, "privacyMode"],
      ["organizations", 1, "id"],
      ["organizations", 2, "privacyMode"],
      ["organizations", 3, "plan"],
    ]);
    expect(problems[0]!.reason).toBe(
      'must be one of ADDRESS_BOOK_ONLY, INTERNAL_AND_EXTERNAL, INTERNAL_ONLY, GROUPS_ONLY (or Teamwire\'s "Address book only", "Internal and external", "Internal only", "Groups only")',
    );
    expect(problems[2]!.reason).toBe("is required");
  });

  it("counts against the per-list limit", () => {
    const rows = Array.from({ length: 3 }, () => ({ id: ORG, privacyMode: "GROUPS_ONLY" }));
    expect(parse(rows, 2)).toMatchObject({ batch: null, problems: [{ list: "batch", field: "organizations" }] });
  });

  it("plans only organizations the writer may write, once each, in id order", () => {
    const rows: IngestOrganization[] = [
      { id: OTHER, privacyMode: "INTERNAL_ONLY", index: 0 },
      { id: ORG, privacyMode: "GROUPS_ONLY", index: 1 },
      { id: ORG, privacyMode: "INTERNAL_ONLY", index: 2 },
      { id: "2d0a7b6e-5c73-4f90-9b2c-4e8d3f5a6b7c", privacyMode: "INTERNAL_ONLY", index: 3 },
    ];
    const problems: [string, number, string, string][] = [];
    const writable = new Set([ORG, OTHER]);
    const planned = planOrganizations(rows, writable, (...problem) => problems.push(problem));
    expect(planned.map((row) => row.index)).toEqual([1, 0]);
    expect(problems).toEqual([
      ["organizations", 2, "id", "the batch declares this organization twice"],
      ["organizations", 3, "id", "not an organization you may ingest into"],
    ]);
  });
});
