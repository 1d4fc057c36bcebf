/** Sends a list as CSV, XLSX or GeoJSON with the same columns in the client's language. */
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { toCsv } from "../platform/csv.ts";
import type { Lang } from "../platform/lang.ts";

export const exportFormat = z.enum(["csv", "xlsx"]).default("csv").describe("csv | xlsx");
export const spatialExportFormat = z
  .enum(["csv", "xlsx", "geojson"])
  .default("csv")
  .describe("csv | xlsx | geojson");

export interface Column<T> {
  key: string;
  vi: string;
  en: string;
  value: (row: T) => unknown;
}

export function headers<T>(columns: readonly Column<T>[], lang: Lang): string[] {
  return columns.map((c) => (lang === "vi" ? c.vi : c.en));
}

async function toXlsx<T>(
  sheetName: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
  lang: Lang,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Hải Phòng Industry";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(headers(columns, lang)).font = { bold: true };
  for (const row of rows) {
    // Strings are written as text cells, never as formulas, so a value like "=cmd" cannot run.
    sheet.addRow(columns.map((c) => normaliseCell(c.value(row))));
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, (lang === "vi" ? c.vi : c.en).length + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function normaliseCell(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join("; ");
  if (typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  return String(value);
}

export interface ExportOptions<T> {
  format: "csv" | "xlsx" | "geojson";
  fileName: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  lang: Lang;
  feature?: (row: T) => GeoJsonFeature | null;
}

export interface GeoJsonFeature {
  type: "Feature";
  id?: string | number;
  geometry: unknown;
  properties: Record<string, unknown>;
}

export async function sendExport<T>(reply: FastifyReply, options: ExportOptions<T>): Promise<FastifyReply> {
  const { format, fileName, columns, rows, lang } = options;
  const stamp = new Date().toISOString().slice(0, 10);
  const disposition = (ext: string) => `attachment; filename="${fileName}-${stamp}.${ext}"`;
  if (format === "xlsx") {
    const body = await toXlsx(fileName, columns, rows, lang);
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", disposition("xlsx"))
      .send(body);
  }
  if (format === "geojson") {
    const toFeature = options.feature;
    if (!toFeature) throw new Error(`${fileName} has no spatial form`);
    const features = rows.map(toFeature).filter((f): f is GeoJsonFeature => f !== null);
    return reply
      .header("content-type", "application/geo+json; charset=utf-8")
      .header("content-disposition", disposition("geojson"))
      .send(JSON.stringify({ type: "FeatureCollection", features }));
  }
  const csv = toCsv(
    headers(columns, lang),
    rows.map((row) => columns.map((c) => c.value(row))),
    lang === "vi",
  );
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", disposition("csv"))
    .send(csv);
}
