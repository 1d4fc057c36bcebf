/** Downloadable import templates: the header row, one example row, and a guide sheet. */
import ExcelJS from "exceljs";
import { toCsv } from "../../platform/csv.ts";
import type { Lang } from "../../platform/lang.ts";
import { COLUMNS, type ImportKind } from "./columns.ts";

const TEXT_FIELDS = new Set([
  "tax_code",
  "enterprise_tax_code",
  "irc_number",
  "vsic_main",
  "vsic_other",
  "vsic_codes",
  "commune_code",
  "commune_codes",
  "decision_number",
]);

export function templateCsv(kind: ImportKind, lang: Lang): string {
  const columns = COLUMNS[kind];
  return toCsv(
    columns.map((c) => c[lang]),
    [columns.map((c) => c.example)],
  );
}

export async function templateXlsx(kind: ImportKind, lang: Lang): Promise<Buffer> {
  const columns = COLUMNS[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Hải Phòng Industry";
  const data = workbook.addWorksheet(lang === "vi" ? "Dữ liệu" : "Data");
  data.addRow(columns.map((c) => c[lang])).font = { bold: true };
  data.addRow(columns.map((c) => c.example));
  data.views = [{ state: "frozen", ySplit: 1 }];
  columns.forEach((c, i) => {
    data.getColumn(i + 1).width = Math.max(12, c[lang].length + 2);
    // Codes such as tax codes keep their leading zeros only as text.
    if (TEXT_FIELDS.has(c.field)) data.getColumn(i + 1).numFmt = "@";
  });
  const guide = workbook.addWorksheet(lang === "vi" ? "Hướng dẫn" : "Guide");
  guide.addRow(lang === "vi" ? ["Cột", "Bắt buộc", "Ghi chú"] : ["Column", "Required", "Notes"]).font = {
    bold: true,
  };
  for (const c of columns) {
    guide.addRow([c[lang], c.required ? (lang === "vi" ? "có" : "yes") : "", c.help?.[lang] ?? ""]);
  }
  guide.getColumn(1).width = 32;
  guide.getColumn(3).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
