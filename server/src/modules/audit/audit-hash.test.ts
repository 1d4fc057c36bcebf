import { describe, expect, it } from "vitest";
import { canonicalJson, diffRecords, entryHash, GENESIS_HASH, plain } from "./audit-hash.ts";

const fields = {
  seq: "1",
  at: "2026-11-22T01:02:03.456Z",
  actor_id: null,
  actor_username: "admin",
  actor_role: "admin",
  actor_via: "session",
  action: "create",
  entity_type: "zone",
  entity_id: "KCN-X",
  changes: { b: [null, 2], a: [null, "Đình Vũ"] },
  request_id: "r1",
  client_ip: "127.0.0.1",
};

describe("audit hash", () => {
  it("serialises objects with sorted keys whatever their insertion order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("gives the same hash for the same entry read back with keys in another order", () => {
    const reordered = { ...fields, changes: { a: [null, "Đình Vũ"], b: [null, 2] } };
    expect(entryHash(GENESIS_HASH, reordered)).toBe(entryHash(GENESIS_HASH, fields));
  });

  it("changes the hash when any field or the previous hash changes", () => {
    const base = entryHash(GENESIS_HASH, fields);
    expect(entryHash(GENESIS_HASH, { ...fields, actor_username: "admin2" })).not.toBe(base);
    expect(entryHash(GENESIS_HASH, { ...fields, changes: { a: [null, "Dinh Vu"], b: [null, 2] } })).not.toBe(
      base,
    );
    expect(entryHash("1".repeat(64), fields)).not.toBe(base);
  });

  it("makes values jsonb-safe: dates as ISO text, NUL dropped, non-finite numbers null", () => {
    expect(
      plain({ d: new Date("2026-01-02T00:00:00Z"), s: "a\u0000b", n: Number.NaN, u: undefined }),
    ).toEqual({
      d: "2026-01-02T00:00:00.000Z",
      s: "ab",
      n: null,
    });
  });

  it("lists only the fields that changed, leaving out the omitted ones", () => {
    expect(
      diffRecords(
        { name: "A", area: 10, tags: ["x"], password_hash: "h1" },
        { name: "A", area: 12, tags: ["x", "y"], password_hash: "h2" },
        ["password_hash"],
      ),
    ).toEqual({ area: [10, 12], tags: [["x"], ["x", "y"]] });
    expect(diffRecords(null, { code: "K" })).toEqual({ code: [null, "K"] });
  });
});
