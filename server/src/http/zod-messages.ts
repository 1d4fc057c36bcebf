/** Vietnamese and English texts for zod's issue codes, so validation errors speak both languages. */
import type { Localized } from "../platform/errors.ts";

interface IssueLike {
  code: string;
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  values?: unknown[];
  format?: string;
  keys?: string[];
}

export function zodIssueText(issue: IssueLike): Localized {
  switch (issue.code) {
    case "invalid_type":
      return issue.message.includes("received undefined")
        ? { vi: "Bắt buộc phải có.", en: "Required." }
        : {
            vi: `Sai kiểu dữ liệu (cần ${String(issue.expected)}).`,
            en: `Expected ${String(issue.expected)}.`,
          };
    case "too_small":
      return { vi: `Giá trị nhỏ hơn mức tối thiểu ${String(issue.minimum)}.`, en: issue.message };
    case "too_big":
      return { vi: `Giá trị vượt mức tối đa ${String(issue.maximum)}.`, en: issue.message };
    case "invalid_value":
      return {
        vi: `Giá trị không thuộc danh sách cho phép: ${(issue.values ?? []).map(String).join(", ")}.`,
        en: issue.message,
      };
    case "invalid_format":
      return { vi: `Sai định dạng (${issue.format ?? "mẫu"}).`, en: issue.message };
    case "unrecognized_keys":
      return { vi: `Trường không được hỗ trợ: ${(issue.keys ?? []).join(", ")}.`, en: issue.message };
    default:
      return { vi: `Giá trị không hợp lệ: ${issue.message}`, en: issue.message };
  }
}
