import { z } from "zod";
import { exportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import { isoDate, textSearch, vsicCodeField } from "../shared-schemas.ts";
import { CATEGORIES, FIELD_NAMES, OPERATORS, RISK_GROUPS, TECHNOLOGY_LEVELS } from "./criteria.ts";

export const category = z
  .enum(CATEGORIES)
  .describe("encouraged: khuyến khích; conditional: có điều kiện; not_accepted: không chấp thuận");
export const outcome = z
  .enum([...CATEGORIES, "unlisted"])
  .describe("… hoặc unlisted: không thuộc danh mục / matches no deciding entry");

export const versionCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, "A–Z, 0–9, . _ - (2–40)");
export const versionParam = z.object({ code: versionCode });
export const entryParam = z.object({ code: versionCode, entry: z.string().trim().min(1).max(40) });

export const criterion = z.object({
  field: z.enum(FIELD_NAMES),
  operator: z.enum(OPERATORS),
  value: z.union([
    z.number(),
    z.string().max(40),
    z.boolean(),
    z.array(z.union([z.string().max(40), z.number()])).max(20),
  ]),
  unit: z.string().max(30).nullish(),
  legal_basis: z.string().trim().max(400).nullish(),
  note: z.string().trim().max(400).nullish(),
});

export const entryInput = z.object({
  code: z.string().trim().min(1).max(40),
  category,
  title_vi: z.string().trim().min(1).max(500),
  title_en: z.string().trim().max(500).nullish(),
  vsic_codes: z.array(vsicCodeField).max(50).default([]),
  products: z.array(z.string().trim().min(2).max(100)).max(50).default([]),
  criteria: z.array(criterion).max(30).default([]),
  legal_basis: z.string().trim().max(400).nullish(),
});
export type EntryInput = z.infer<typeof entryInput>;
export const entryPatch = entryInput.omit({ code: true }).partial();
export type EntryPatch = z.infer<typeof entryPatch>;

export const versionInput = z.object({
  code: versionCode,
  title_vi: z.string().trim().min(1).max(400),
  title_en: z.string().trim().max(400).nullish(),
  decision_number: z.string().trim().max(60).nullish(),
  decided_on: isoDate.nullish(),
  in_force_from: isoDate,
  in_force_to: isoDate.nullish(),
  supersedes: versionCode.nullish().describe("Mã phiên bản được thay thế / the version this one supersedes"),
  is_sample: z.boolean().default(false),
  note: z.string().trim().max(2000).nullish(),
  entries: z.array(entryInput).max(2000).default([]),
});
export type VersionInput = z.infer<typeof versionInput>;
export const versionPatch = versionInput.omit({ code: true, entries: true }).partial();
export type VersionPatch = z.infer<typeof versionPatch>;

export const versionStatus = z
  .enum(["draft", "published"])
  .describe("draft: đang soạn; published: đã công bố");

export const version = z.object({
  code: z.string(),
  title_vi: z.string(),
  title_en: z.string().nullable(),
  decision_number: z.string().nullable(),
  decided_on: z.string().nullable(),
  in_force_from: z.string(),
  in_force_to: z.string().nullable(),
  supersedes: z.string().nullable(),
  superseded_by: z.string().nullable(),
  status: versionStatus,
  is_sample: z.boolean(),
  note: z.string().nullable(),
  entry_count: z.number().int(),
  published_at: z.string().nullable(),
  updated_at: z.string(),
});
export type Version = z.infer<typeof version>;

export const entry = z.object({
  version_code: z.string(),
  code: z.string(),
  category,
  title_vi: z.string(),
  title_en: z.string().nullable(),
  vsic_codes: z.array(z.string()),
  products: z.array(z.string()),
  criteria: z.array(criterion),
  legal_basis: z.string().nullable(),
});
export type Entry = z.infer<typeof entry>;

export const versionFilter = z.object({
  q: textSearch,
  status: versionStatus.optional(),
  in_force_on: isoDate.optional().describe("Có hiệu lực vào ngày / in force on"),
});
export type VersionFilter = z.infer<typeof versionFilter>;
const versionQueries = listQueries(
  versionFilter,
  ["in_force_from", "code"] as const,
  "-in_force_from",
  exportFormat,
);
export const versionListQuery = versionQueries.list;
export const versionExportQuery = versionQueries.export;

export const entryFilter = z.object({
  q: textSearch,
  category: category.optional(),
  vsic: z
    .string()
    .regex(/^\d{1,5}$/)
    .optional()
    .describe("Mục áp dụng cho mã VSIC này / entries covering this code"),
});
export type EntryFilter = z.infer<typeof entryFilter>;
const entryQueries = listQueries(entryFilter, ["code", "category"] as const, "code", exportFormat);
export const entryListQuery = entryQueries.list;
export const entryExportQuery = entryQueries.export;

export const proposal = z
  .object({
    title: z.string().trim().min(1).max(400).describe("Tên dự án đề xuất / proposed project"),
    vsic_codes: z.array(vsicCodeField).min(1).max(20),
    products: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    currency: z.enum(["VND", "USD"]),
    vnd_per_usd: z.number().min(10_000).max(60_000).optional().describe("Bắt buộc khi vốn tính bằng USD"),
    capital: z.number().positive().describe("Tổng vốn đầu tư, theo tiền tệ / total capital in the currency"),
    output_per_year: z.number().min(0).optional().describe("Giá trị sản xuất một năm / yearly output value"),
    land_ha: z.number().positive().max(100_000).optional(),
    workers: z.number().int().min(0).max(1_000_000).optional(),
    technology_level: z.enum(TECHNOLOGY_LEVELS).optional().describe("outdated · medium · advanced · high"),
    equipment_year: z.number().int().min(1900).max(2100).optional().describe("Năm sản xuất thiết bị chính"),
    pollution_risk_group: z.enum(RISK_GROUPS).optional().describe("Nhóm I (cao nhất) … IV, Luật BVMT 2020"),
    water_m3_per_day: z.number().min(0).optional(),
    zone_code: z.string().trim().toUpperCase().max(30).optional(),
    commune_code: z
      .string()
      .regex(/^(\d{5})?$/, "5 chữ số / 5 digits")
      .optional()
      .describe("Trống: không khai báo / empty: not given"),
    screened_on: isoDate.optional().describe("Ngày áp dụng danh mục; mặc định hôm nay / defaults to today"),
  })
  .refine((p) => p.currency === "VND" || p.vnd_per_usd !== undefined, {
    path: ["vnd_per_usd"],
    message: "Cần tỷ giá khi vốn tính bằng USD / a rate is required for USD",
  });
export type Proposal = z.infer<typeof proposal>;

const localized = z.object({ vi: z.string(), en: z.string() });
export const criterionResult = criterion.extend({
  actual: z.union([z.number(), z.string(), z.boolean()]).nullable(),
  pass: z.boolean(),
  missing: z.boolean(),
  reason: localized,
});
export const entryResult = z.object({
  code: z.string(),
  category,
  criteria_role: z
    .enum(["requirement", "prohibition"])
    .describe("requirement: tiêu chí phải đạt; prohibition: điều kiện khiến mục không chấp thuận áp dụng"),
  title_vi: z.string(),
  title_en: z.string().nullable(),
  legal_basis: z.string().nullable(),
  matched_by: z.object({ kind: z.enum(["vsic", "product", "general"]), value: z.string().nullable() }),
  criteria_met: z.boolean(),
  effect: z.enum(["decisive", "applies"]),
  criteria: z.array(criterionResult),
});

export const screening = z.object({
  code: z.string(),
  screened_on: z.string(),
  category: outcome,
  explanation: localized,
  version: version.pick({
    code: true,
    title_vi: true,
    decision_number: true,
    in_force_from: true,
    in_force_to: true,
    is_sample: true,
  }),
  facts: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  entries: z.array(entryResult),
  proposal: z.record(z.string(), z.unknown()),
  username: z.string().nullable(),
  created_at: z.string(),
});
export type ScreeningOut = z.infer<typeof screening>;

export const screeningSummary = screening
  .pick({
    code: true,
    screened_on: true,
    category: true,
    username: true,
    created_at: true,
  })
  .extend({ title: z.string(), version_code: z.string() });
export const screeningFilter = z.object({
  q: textSearch,
  category: outcome.optional(),
  version: versionCode.optional(),
});
export type ScreeningFilter = z.infer<typeof screeningFilter>;
const screeningQueries = listQueries(
  screeningFilter,
  ["created_at", "category"] as const,
  "-created_at",
  exportFormat,
);
export const screeningListQuery = screeningQueries.list;
export const screeningExportQuery = screeningQueries.export;
export const screeningParam = z.object({ code: z.string().regex(/^SL-\d{4}-\d{5,}$/) });
