import { describe, expect, it } from "vitest";
import { makeZip } from "../../test/make-zip.ts";
import { readZipDirectory } from "./zip-guard.ts";

describe("readZipDirectory", () => {
  it("sums compressed and uncompressed sizes without inflating", () => {
    const zip = makeZip("xl/worksheets/sheet1.xml", Buffer.alloc(10_000_000, 0x41));
    const check = readZipDirectory(zip);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.summary.entries).toBe(1);
      expect(check.summary.uncompressedBytes).toBe(10_000_000);
      expect(check.summary.compressedBytes).toBeLessThan(20_000);
    }
  });

  it("refuses data that is not a ZIP", () => {
    expect(readZipDirectory(Buffer.from("tax_code,name\n"))).toEqual({ ok: false, problem: "not_zip" });
  });

  it("refuses a truncated ZIP", () => {
    const zip = makeZip("a.txt", Buffer.from("hello"));
    expect(readZipDirectory(zip.subarray(0, zip.length - 10))).toEqual({ ok: false, problem: "corrupt" });
  });
});
