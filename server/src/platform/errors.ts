/** Errors with stable codes and messages in Vietnamese and English (HOUSE-STYLE rule 8). */
export interface Localized {
  vi: string;
  en: string;
}

/** One problem with one field, row or cell. */
export interface Issue {
  code: string;
  message: Localized;
  field?: string;
  row?: number;
  column?: string;
  value?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly text: Localized;
  readonly issues: Issue[];

  constructor(code: string, status: number, text: Localized, issues: Issue[] = []) {
    super(text.en);
    this.name = "AppError";
    this.code = code;
    this.status = status;
    this.text = text;
    this.issues = issues;
  }
}

export function notFound(entity: Localized, key: string): AppError {
  return new AppError("common.not_found", 404, {
    vi: `Không tìm thấy ${entity.vi} "${key}".`,
    en: `${entity.en} "${key}" was not found.`,
  });
}

/** A 422 for one or more invalid fields; the first issue's code becomes the error code. */
export function invalid(issues: Issue[]): AppError {
  const first = issues[0];
  if (!first) throw new Error("invalid() needs at least one issue");
  const text =
    issues.length === 1
      ? first.message
      : {
          vi: `Dữ liệu không hợp lệ (${issues.length} lỗi).`,
          en: `Invalid input (${issues.length} problems).`,
        };
  return new AppError(first.code, 422, text, issues);
}

export function conflict(code: string, text: Localized, issues: Issue[] = []): AppError {
  return new AppError(code, 409, text, issues);
}
