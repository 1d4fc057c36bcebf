import { describe, expect, it } from "vitest";
import { fold, likePattern, searchText, wordPatterns } from "./text.ts";

describe("fold", () => {
  it.each([
    ["Đình Vũ", "dinh vu"],
    ["KHU CÔNG NGHIỆP TRÀNG DUỆ", "khu cong nghiep trang due"],
    ["Thuỷ Nguyên", "thuy nguyen"],
    ["Thủy Nguyên", "thuy nguyen"],
    ["  Hải   Phòng ", "hai phong"],
    ["Hoà/Hòa", "hoa/hoa"],
  ])("folds %s to %s", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it("makes decomposed and precomposed input equal", () => {
    expect(fold("Đình Vũ".normalize("NFD"))).toBe(fold("Đình Vũ".normalize("NFC")));
  });
});

describe("likePattern", () => {
  it("escapes LIKE wildcards so they match literally", () => {
    expect(likePattern("50%_x")).toBe("%50\\%\\_x%");
  });
});

describe("wordPatterns", () => {
  it("makes one pattern per folded word", () => {
    expect(wordPatterns("  Linh kiện  HẢI ÂU ")).toEqual(["%linh%", "%kien%", "%hai%", "%au%"]);
  });
});

describe("searchText", () => {
  it("joins the non-empty parts", () => {
    expect(searchText("Đình Vũ", null, undefined, "KCN-DV")).toBe("dinh vu kcn-dv");
  });
});
