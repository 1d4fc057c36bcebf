import { describe, expect, it } from "vitest";
import { allows, grantablePermissions, ownsTaxCode, type Subject, scopeOf } from "./policy.ts";

const officer: Subject = {
  id: "u1",
  role: "zone_officer",
  zones: new Set(["KKT-A", "KCN-A1"]),
  taxCodes: [],
};
const company: Subject = { id: "u2", role: "enterprise", zones: new Set(), taxCodes: ["0200000014"] };

describe("the policy", () => {
  it("gives the public open data and nothing else", () => {
    expect(scopeOf(null, "zone.read")).toBe("all");
    expect(scopeOf(null, "enterprise.read_restricted")).toBeNull();
    expect(scopeOf(null, "account.use")).toBeNull();
  });

  it("requires every zone a change touches to be assigned", () => {
    expect(allows(officer, "project.update", { zones: ["KCN-A1"] })).toBe(true);
    expect(allows(officer, "project.update", { zones: ["KCN-A1", "KCN-B"] })).toBe(false);
    expect(allows(officer, "project.update", { zones: [null] })).toBe(false);
    expect(allows(officer, "project.update", { zones: [] })).toBe(false);
  });

  it("binds enterprise staff to their tax code and its branches", () => {
    expect(ownsTaxCode(company.taxCodes, "0200000014-001")).toBe(true);
    expect(ownsTaxCode(company.taxCodes, "02000000140")).toBe(false);
    expect(allows(company, "enterprise.update", { taxCodes: ["0200000014-002"] })).toBe(true);
    expect(allows(company, "enterprise.update", { taxCodes: ["0200000021"] })).toBe(false);
  });

  it("limits a token to the permissions it carries, keeping open data open", () => {
    const token: Subject = { ...officer, tokenPermissions: new Set(["project.read_restricted"]) };
    expect(allows(token, "project.update", { zones: ["KCN-A1"] })).toBe(false);
    expect(allows(token, "project.read_restricted", { zones: ["KCN-A1"] })).toBe(true);
    expect(allows(token, "zone.read")).toBe(true);
  });

  it("never lets a token manage accounts", () => {
    expect(grantablePermissions("admin")).not.toContain("user.manage");
    expect(grantablePermissions("admin")).not.toContain("token.manage");
    expect(grantablePermissions("enterprise")).toEqual(
      expect.arrayContaining(["enterprise.update", "enterprise.read_restricted"]),
    );
    expect(grantablePermissions("enterprise")).not.toContain("project.create");
  });
});
