import { describe, expect, it } from "vitest";
import { parseProjection, project, ProjectionError } from "./projection.js";

const doc = {
  _id: "Zq7bWm3rTfKc2NxPa",
  wizard: { size: "3", language: "en" },
  totalUsers: 232,
  activeUsers: 143,
  uniqueOSOfYesterday: { year: 2025, data: [{ count: 3, name: "Windows" }, { count: 7, name: "Mac OS" }, "junk"] },
  services: { ldap: { enabled: false, users: 0 }, saml: { enabled: true } },
  createdAt: "2025-03-04T00:12:01.636Z",
};

describe("statistics.list fields projection", () => {
  it("includes fields in document order, with _id unless excluded", () => {
    const projected = project(doc, parseProjection({ createdAt: 1, totalUsers: 1, activeUsers: 1 }));
    expect(Object.keys(projected)).toEqual(["_id", "totalUsers", "activeUsers", "createdAt"]);
    expect(project(doc, parseProjection({ totalUsers: 1, _id: 0 }))).toEqual({ totalUsers: 232 });
    expect(project(doc, parseProjection({ _id: 1 }))).toEqual({ _id: doc._id });
  });

  it("follows dotted paths into objects and into the objects of arrays", () => {
    expect(project(doc, parseProjection({ "services.ldap.enabled": 1, "wizard.size": 1 }))).toEqual({
      _id: doc._id,
      wizard: { size: "3" },
      services: { ldap: { enabled: false } },
    });
    expect(project(doc, parseProjection({ "uniqueOSOfYesterday.data.name": 1, _id: 0 }))).toEqual({
      uniqueOSOfYesterday: { data: [{ name: "Windows" }, { name: "Mac OS" }] },
    });
    expect(project(doc, parseProjection({ "totalUsers.x": 1, _id: 0 }))).toEqual({});
  });

  it("excludes fields and dotted paths", () => {
    const projected = project(doc, parseProjection({ services: 0, "wizard.language": 0, "uniqueOSOfYesterday.data.count": 0 }));
    expect(projected).toEqual({
      _id: doc._id,
      wizard: { size: "3" },
      totalUsers: 232,
      activeUsers: 143,
      uniqueOSOfYesterday: { year: 2025, data: [{ name: "Windows" }, { name: "Mac OS" }, "junk"] },
      createdAt: doc.createdAt,
    });
    expect(Object.keys(project(doc, parseProjection({ _id: 0 })))).toEqual([
      "wizard",
      "totalUsers",
      "activeUsers",
      "uniqueOSOfYesterday",
      "services",
      "createdAt",
    ]);
    expect(project(doc, parseProjection({}))).toBe(doc);
  });

  it.each([
    [{ totalUsers: 1, activeUsers: 0 }, /mixed/],
    [{ totalUsers: 2 }, /0 or 1/],
    [{ totalUsers: true }, /0 or 1/],
    [{ totalUsers: "1" }, /0 or 1/],
    [{ wizard: 1, "wizard.size": 1 }, /collision/],
    [{ "wizard.size": 1, wizard: 1 }, /collision/],
    [{ "a..b": 1 }, /field path/],
    [{ $where: 1 }, /field path/],
  ])("refuses %j", (fields, message) => {
    expect(() => parseProjection(fields)).toThrow(ProjectionError);
    expect(() => parseProjection(fields)).toThrow(message);
  });
});
