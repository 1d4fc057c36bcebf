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
  origin?: string;
  inclusive?: boolean;
}

/** A schema's own message "tiếng Việt / English" split into its two languages. */
function ownMessage(message: string): Localized | null {
  const [vi, en] = message.split(" / ");
  return vi && en ? { vi: `Sai định dạng: ${vi}.`, en: `Wrong format: ${en}.` } : null;
}

function tooSmall(issue: IssueLike): Localized {
  const min = String(issue.minimum);
  if (issue.origin === "string") {
    return Number(issue.minimum) <= 1
      ? { vi: "Bắt buộc nhập.", en: "Required." }
      : { vi: `Cần ít nhất ${min} ký tự.`, en: `At least ${min} characters.` };
  }
  if (issue.origin === "array") return { vi: `Cần ít nhất ${min} mục.`, en: `At least ${min} items.` };
  return issue.inclusive === false
    ? { vi: `Phải lớn hơn ${min}.`, en: `Must be greater than ${min}.` }
    : { vi: `Phải từ ${min} trở lên.`, en: `Must be at least ${min}.` };
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
      return tooSmall(issue);
    case "too_big":
      return { vi: `Giá trị vượt mức tối đa ${String(issue.maximum)}.`, en: issue.message };
    case "invalid_value":
      return {
        vi: `Giá trị không thuộc danh sách cho phép: ${(issue.values ?? []).map(String).join(", ")}.`,
        en: issue.message,
      };
    case "invalid_format":
      if (issue.format === "email")
        return { vi: "Địa chỉ email không hợp lệ.", en: "Not a valid email address." };
      return (
        ownMessage(issue.message) ?? { vi: `Sai định dạng (${issue.format ?? "mẫu"}).`, en: issue.message }
      );
    case "unrecognized_keys":
      return { vi: `Trường không được hỗ trợ: ${(issue.keys ?? []).join(", ")}.`, en: issue.message };
    default:
      return { vi: `Giá trị không hợp lệ: ${issue.message}`, en: issue.message };
  }
}
