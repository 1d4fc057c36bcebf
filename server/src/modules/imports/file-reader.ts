/** Turns an uploaded CSV or XLSX file into a header row and data rows, refusing hostile files early. */

import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "../../platform/errors.ts";
import { checkZip } from "../../platform/zip-guard.ts";
import type { Cell } from "./cell-parsers.ts";

export interface Table {
  headers: string[];
  /** CSV cells are text; XLSX number cells stay numbers. */
  rows: Array<{ line: number; cells: Cell[] }>;
}

export type FileFormat = "csv" | "xlsx";

export const MAX_ROWS = 200_000;
/** An XLSX may expand at most this much in total, and at most RATIO times its compressed size. */
const MAX_UNCOMPRESSED = 256 * 1024 * 1024;
const MAX_RATIO = 150;

function refuse(code: string, vi: string, en: string, status = 422): AppError {
  return new AppError(code, status, { vi, en });
}

function detectFormat(buf: Buffer, fileName: string | undefined): FileFormat {
  const isZip = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  const ext = fileName?.toLowerCase().split(".").pop();
  if (isZip) {
    if (ext && ext !== "xlsx")
      throw refuse(
        "import.file_type_unsupported",
        `Tệp .${ext} là tệp nén; chỉ nhận CSV hoặc XLSX.`,
        `A .${ext} file that is a ZIP archive; only CSV or XLSX are accepted.`,
        415,
      );
    return "xlsx";
  }
  if (ext === "xlsx" || ext === "xls")
    throw refuse(
      "import.file_invalid",
      "Tệp không phải bảng tính XLSX hợp lệ.",
      "The file is not a valid XLSX workbook.",
      415,
    );
  if (buf.subarray(0, 8192).includes(0))
    throw refuse(
      "import.file_type_unsupported",
      "Tệp nhị phân không được hỗ trợ; chỉ nhận CSV (UTF-8) hoặc XLSX.",
      "Binary files are not accepted; upload CSV (UTF-8) or XLSX.",
      415,
    );
  return "csv";
}

function readCsv(buf: Buffer): Table {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw refuse("import.encoding_invalid", "Tệp CSV phải mã hoá UTF-8.", "CSV files must be UTF-8 encoded.");
  }
  text = text.replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ";" : ",";
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const message = (error as Error).message;
    throw refuse("import.csv_malformed", `Tệp CSV sai cấu trúc: ${message}`, `Malformed CSV: ${message}`);
  }
  const [header, ...rest] = records;
  if (!header) throw refuse("import.file_empty", "Tệp không có dữ liệu.", "The file is empty.");
  return { headers: header.record, rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return value;
  if (typeof value === "object") {
    if ("result" in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value).trim();
}

async function readXlsx(buf: Buffer): Promise<Table> {
  const zip = checkZip(buf, MAX_UNCOMPRESSED, MAX_RATIO);
  if (!zip.ok && zip.problem === "too_expanded") {
    throw refuse(
      "import.file_too_expanded",
      "Tệp XLSX giải nén quá lớn (nghi ngờ “bom nén”).",
      "The XLSX file expands too much when unpacked (suspected zip bomb).",
      413,
    );
  }
  if (!zip.ok)
    throw refuse(
      "import.file_invalid",
      "Tệp XLSX bị hỏng hoặc không được hỗ trợ.",
      `The XLSX file is damaged or unsupported (${zip.problem}).`,
    );
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (error) {
    throw refuse(
      "import.file_invalid",
      "Không đọc được tệp XLSX.",
      `Cannot read the XLSX file: ${(error as Error).message}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw refuse("import.file_empty", "Bảng tính không có trang nào.", "The workbook has no sheet.");
  if (sheet.rowCount > MAX_ROWS + 1) throw tooManyRows(sheet.rowCount - 1);
  const rows: Table["rows"] = [];
  let headers: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = values.slice(1).map(cellValue);
    if (!headers) headers = cells.map(String);
    else if (cells.some((c) => c !== "")) rows.push({ line, cells });
  });
  if (!headers) throw refuse("import.file_empty", "Tệp không có dữ liệu.", "The file is empty.");
  return { headers, rows };
}

function tooManyRows(n: number): AppError {
  return refuse(
    "import.too_many_rows",
    `Tệp có ${n} dòng, vượt giới hạn ${MAX_ROWS}. Hãy chia nhỏ tệp.`,
    `The file has ${n} rows, above the ${MAX_ROWS} limit. Split it.`,
    413,
  );
}

export async function readTable(
  buf: Buffer,
  fileName: string | undefined,
): Promise<{ format: FileFormat; table: Table }> {
  if (buf.length === 0)
    throw refuse("import.file_empty", "Tệp rỗng, không có dòng nào.", "The file is empty: it has no rows.");
  const format = detectFormat(buf, fileName);
  const table = format === "csv" ? readCsv(buf) : await readXlsx(buf);
  if (table.rows.length > MAX_ROWS) throw tooManyRows(table.rows.length);
  return { format, table };
}
