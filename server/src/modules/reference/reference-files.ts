/** Reads the reference data shipped in data/ (copied from shared/data with each SOURCE.md). */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";

export const DATA_DIR = new URL("../../../../data/", import.meta.url);

export async function readCsv(relativePath: string): Promise<Record<string, string>[]> {
  const text = await readFile(new URL(relativePath, DATA_DIR), "utf8");
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
}

export async function readJson<T>(relativePath: string): Promise<T> {
  return JSON.parse(await readFile(new URL(relativePath, DATA_DIR), "utf8")) as T;
}

/** Official Vietnamese usage for territories the ISO package names differently (see data/iso-countries/SOURCE.md). */
export const COUNTRY_NAME_OVERRIDES: Record<string, string> = {
  TW: "Đài Loan (Trung Quốc)",
  HK: "Hồng Kông (Trung Quốc)",
  MO: "Ma Cao (Trung Quốc)",
  VG: "Quần đảo Virgin thuộc Anh",
  KR: "Hàn Quốc",
};
