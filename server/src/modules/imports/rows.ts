/** Maps a file's header row to columns and each data row to an input object, collecting cell issues. */
import type { z } from "zod";
import { AppError, type Issue } from "../../platform/errors.ts";
import type { Lang } from "../../platform/lang.ts";
import { fold } from "../../platform/text.ts";
import { CellError } from "./cell-parsers.ts";
import { COLUMNS, type ImportColumn, type ImportKind } from "./columns.ts";
import type { Table } from "./file-reader.ts";

export interface HeaderMap {
  columns: Array<{ index: number; column: ImportColumn; header: string }>;
  ignored: string[];
  /** The language of the headers, which is also how the file writes its numbers. */
  lang: Lang;
}

export function mapHeaders(kind: ImportKind, headers: readonly string[]): HeaderMap {
  const known = COLUMNS[kind];
  const byName = new Map<string, ImportColumn>();
  for (const c of known) for (const name of [c.vi, c.en, c.field]) byName.set(fold(name), c);
  let english = 0;
  const columns: HeaderMap["columns"] = [];
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const column = byName.get(fold(header));
    if (column && !columns.some((c) => c.column === column)) {
      columns.push({ index, column, header });
      if (fold(header) === fold(column.en) && fold(column.en) !== fold(column.vi)) english++;
    } else if (header.trim()) ignored.push(header);
  });
  const missing = known.filter((c) => c.required && !columns.some((m) => m.column === c));
  if (missing.length) {
    throw new AppError(
      "import.columns_missing",
      422,
      {
        vi: `Thiếu cột bắt buộc: ${missing.map((c) => c.vi).join(", ")}.`,
        en: `Missing required columns: ${missing.map((c) => c.en).join(", ")}.`,
      },
      missing.map((c) => ({
        code: "import.columns_missing",
        row: 1,
        column: c.vi,
        message: { vi: `Thiếu cột "${c.vi}".`, en: `Missing column "${c.en}".` },
      })),
    );
  }
  return { columns, ignored, lang: english > columns.length / 2 ? "en" : "vi" };
}

const CELL_PROBLEMS: Record<string, [string, string]> = {
  number: ["không phải số", "is not a number"],
  date: ["không phải ngày (dd/mm/yyyy hoặc yyyy-mm-dd)", "is not a date (dd/mm/yyyy or yyyy-mm-dd)"],
  boolean: ["phải là có/không", "must be yes/no"],
  share: ["tỷ lệ phải dạng MÃ:số, vd. KR:60", "shares must look like CODE:number, e.g. KR:60"],
  investor: [
    "nhà đầu tư phải dạng Tên [MÃ], vd. LG Corp. [KR]",
    "investors must look like Name [CODE], e.g. LG Corp. [KR]",
  ],
  milestone: ["mốc phải dạng mã: ngày", "milestones must look like code: date"],
};

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split(".") as [string, string | undefined];
  if (tail === undefined) target[head] = value;
  else target[head] = { ...((target[head] as Record<string, unknown>) ?? {}), [tail]: value };
}

export interface RowResult {
  line: number;
  value: Record<string, unknown>;
}

/** Builds input objects; cells that cannot be read become issues at (row, column). */
export function buildRows(table: Table, map: HeaderMap): { rows: RowResult[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const rows = table.rows.map(({ line, cells }) => {
    const value: Record<string, unknown> = {};
    for (const { index, column, header } of map.columns) {
      const raw = cells[index] ?? "";
      const cell = typeof raw === "number" ? raw : raw.trim();
      if (cell === "") continue;
      try {
        setPath(value, column.field, column.parse(cell, map.lang));
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        const [vi, en] = CELL_PROBLEMS[error.message] ?? ["không hợp lệ", "is invalid"];
        issues.push({
          code: "import.value_invalid",
          row: line,
          column: header,
          value: cell,
          message: { vi: `Giá trị "${cell}" ${vi}.`, en: `Value "${cell}" ${en}.` },
        });
      }
    }
    return { line, value };
  });
  return { rows, issues };
}

/** The header a field's issue belongs to ("investors.0.country" → the investors column). */
export function headerFor(map: HeaderMap, field: string | undefined): string | undefined {
  if (!field) return undefined;
  const exact = map.columns.find((c) => c.column.field === field);
  if (exact) return exact.header;
  const root = field.split(".")[0];
  return map.columns.find((c) => c.column.field.split(".")[0] === root)?.header ?? field;
}

export function schemaIssues(map: HeaderMap, line: number, error: z.ZodError): Issue[] {
  return error.issues.map((i) => {
    const field = i.path.join(".");
    const column = headerFor(map, field);
    const required = i.code === "invalid_type" && i.message.includes("undefined");
    return {
      code: required ? "import.value_required" : `validation.${i.code}`,
      row: line,
      ...(column ? { column } : {}),
      field,
      message: required
        ? { vi: `Cột "${column}" bắt buộc phải có giá trị.`, en: `Column "${column}" needs a value.` }
        : {
            vi: `Cột "${column}": giá trị không hợp lệ (${i.message}).`,
            en: `Column "${column}": ${i.message}.`,
          },
    };
  });
}
