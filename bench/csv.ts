/** An enterprise import file as a person would fill in the template: Vietnamese headers, labels and dates. */
import { COLUMNS } from "../server/src/modules/imports/columns.ts";
import type { SyntheticEnterprise } from "./registry.ts";

const OWNERSHIP_LABEL = {
  state: "nhà nước",
  non_state: "ngoài nhà nước",
  foreign: "có vốn đầu tư nước ngoài",
};
const STATUS_LABEL = { active: "đang hoạt động", suspended: "tạm ngừng" };

/** "2018-03-15" → "15/03/2018", the form Vietnamese spreadsheets use. */
const vnDate = (iso: string) => iso.split("-").reverse().join("/");

/** Cell text by import field; fields left out (vsic_other, high_tech_certificate) stay empty columns. */
const CELLS: Record<string, (e: SyntheticEnterprise) => string> = {
  tax_code: (e) => e.tax_code,
  name_vi: (e) => e.name_vi,
  name_en: (e) => e.name_en,
  ownership: (e) => OWNERSHIP_LABEL[e.ownership],
  investor_countries: (e) => e.countries.map((c) => `${c.country}:${c.share}`).join("; "),
  vsic_main: (e) => e.vsic_main,
  address: (e) => e.address,
  commune_code: (e) => e.place.commune,
  zone_code: (e) => e.place.zone ?? "",
  "location.lon": (e) => String(e.place.point.lon),
  "location.lat": (e) => String(e.place.point.lat),
  workers: (e) => String(e.workers),
  workers_as_of: () => "31/12/2025",
  high_tech: (e) => (e.high_tech ? "có" : "không"),
  status: (e) => STATUS_LABEL[e.status],
  established_on: (e) => vnDate(e.established_on),
};

function quote(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function enterpriseCsv(enterprises: readonly SyntheticEnterprise[]): Buffer {
  // Headers come from columns.ts, so a renamed column breaks the import loudly instead of silently.
  const columns = COLUMNS.enterprises;
  const lines = [columns.map((c) => quote(c.vi)).join(",")];
  for (const e of enterprises) lines.push(columns.map((c) => quote(CELLS[c.field]?.(e) ?? "")).join(","));
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}
