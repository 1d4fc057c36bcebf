import { describe, expect, it } from "vitest";
import { makeZip } from "../../test/make-zip.ts";
import { checkZip, readZipDirectory } from "./zip-guard.ts";

const MB = 1024 * 1024;

describe("readZipDirectory", () => {
  it("reads the declared sizes without inflating", () => {
    const check = readZipDirectory(makeZip("xl/worksheets/sheet1.xml", Buffer.alloc(10 * MB, 0x41)));
    expect(check.ok && check.entries).toEqual([
      expect.objectContaining({ method: 8, uncompressedBytes: 10 * MB }),
    ]);
  });

  it("refuses data that is not a ZIP, and a truncated ZIP", () => {
    expect(readZipDirectory(Buffer.from("tax_code,name\n"))).toEqual({ ok: false, problem: "not_zip" });
    const zip = makeZip("a.txt", Buffer.from("hello"));
    expect(readZipDirectory(zip.subarray(0, zip.length - 10))).toEqual({ ok: false, problem: "corrupt" });
  });
});

describe("checkZip", () => {
  it("accepts an archive within the limits", () => {
    expect(checkZip(makeZip("a.xml", Buffer.alloc(MB, 0x41)), 10 * MB, 2000).ok).toBe(true);
  });

  it("refuses an archive that declares too much", () => {
    expect(checkZip(makeZip("a.xml", Buffer.alloc(20 * MB, 0x41)), 10 * MB, 2000)).toEqual({
      ok: false,
      problem: "too_expanded",
    });
  });

  it("refuses a bomb that lies about its size, before inflating past the cap", () => {
    const forged = makeZip("a.xml", Buffer.alloc(20 * MB, 0x41), 100);
    expect(checkZip(forged, 10 * MB, 2000)).toEqual({ ok: false, problem: "too_expanded" });
  });

  it("refuses an archive whose real size differs from the declared one", () => {
    const forged = makeZip("a.xml", Buffer.alloc(1000, 0x41), 10);
    expect(checkZip(forged, 10 * MB, 2000)).toEqual({ ok: false, problem: "corrupt" });
  });
});
