import { z } from "zod";
import { spatialExportFormat } from "../../http/export.ts";
import { listQueries } from "../../http/paging.ts";
import {
  communeCode,
  countryCode,
  isoDate,
  location,
  patchOf,
  queryBool,
  textSearch,
  vsicCodeField,
} from "../shared-schemas.ts";

export const currency = z.enum(["VND", "USD"]);
export const origin = z
  .enum(["domestic", "foreign"])
  .describe("domestic trong nước, foreign nước ngoài (FDI)");
export const projectStatus = z.enum(["active", "suspended", "terminated"]);
export const eventKind = z.enum([
  "issued",
  "capital_increase",
  "share_purchase",
  "adjustment",
  "extension",
  "suspension",
  "resumption",
  "termination",
]);

export const investor = z.object({
  name: z.string().trim().min(1).max(400),
  country: countryCode,
  tax_code: z.string().trim().max(20).optional(),
});
export const milestone = z.object({
  code: z.string().trim().min(1).max(40).describe("vd. land_handover, construction_start, operation_start"),
  label: z.string().trim().min(1).max(200),
  due: isoDate,
});

const attributes = {
  name_vi: z.string().trim().min(1).max(400),
  name_en: z.string().trim().max(400).nullish(),
  enterprise_tax_code: z
    .string()
    .trim()
    .max(20)
    .nullish()
    .describe("Tổ chức kinh tế thực hiện dự án / implementing enterprise"),
  investors: z.array(investor).min(1).max(50),
  origin: origin
    .optional()
    .describe("Mặc định: foreign nếu có nhà đầu tư nước ngoài / default derived from investors"),
  zone_code: z.string().max(30).nullish(),
  commune_code: communeCode.nullish(),
  location: location.nullish(),
  land_area_ha: z.number().min(0).nullish(),
  vsic_codes: z.array(vsicCodeField).min(1).max(30),
  currency,
  vnd_per_usd: z.number().positive().describe("Tỷ giá VND/USD dùng để quy đổi / exchange rate used"),
  rate_date: isoDate.describe("Ngày của tỷ giá / date of the rate"),
  milestones: z.array(milestone).max(30).default([]),
  disbursed_capital: z.number().min(0).default(0),
  disbursed_as_of: isoDate.nullish(),
};

export const projectInput = z.object({
  irc_number: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z.-]{4,40}$/, "Số GCNĐKĐT / IRC number"),
  ...attributes,
  registered_capital: z
    .number()
    .positive()
    .describe("Vốn đăng ký khi cấp, theo đơn vị tiền tệ của dự án / capital at issue"),
  issued_on: isoDate,
  decision_number: z.string().trim().max(100).nullish(),
});
export type ProjectInput = z.infer<typeof projectInput>;

export const projectPatch = patchOf(z.object(attributes));
export type ProjectPatch = z.infer<typeof projectPatch>;

export const eventInput = z.object({
  kind: eventKind.exclude(["issued"]),
  occurred_on: isoDate,
  decision_number: z.string().trim().max(100).nullish(),
  amount: z
    .number()
    .nullish()
    .describe("capital_increase/share_purchase: số tiền; adjustment: vốn đăng ký mới"),
  months: z.number().int().min(1).max(24).nullish().describe("extension: số tháng giãn tiến độ"),
  note: z.string().trim().max(2000).nullish(),
});
export type EventInput = z.infer<typeof eventInput>;

export const projectFilter = z.object({
  q: textSearch,
  origin: origin.optional(),
  status: projectStatus.optional(),
  zone: z.string().max(30).optional().describe('Mã khu; "none" = ngoài khu'),
  commune: communeCode.optional(),
  country: countryCode.optional(),
  vsic: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional(),
  enterprise: z.string().max(20).optional().describe("Mã số thuế tổ chức thực hiện"),
  synthetic: queryBool.optional(),
});
export type ProjectFilter = z.infer<typeof projectFilter>;

export const projectSortFields = [
  "name_vi",
  "irc_number",
  "issued_on",
  "registered_capital_usd",
  "disbursed_capital_usd",
] as const;
const projectQueries = listQueries(projectFilter, projectSortFields, "-issued_on", spatialExportFormat);
export const projectListQuery = projectQueries.list;
export const projectExportQuery = projectQueries.export;

export const capital = z.object({
  currency,
  registered: z.number(),
  share_purchase: z.number(),
  disbursed: z.number(),
  disbursed_as_of: z.string().nullable(),
  vnd_per_usd: z.number(),
  rate_date: z.string(),
  registered_usd: z.number(),
  registered_vnd: z.number(),
  share_purchase_usd: z.number(),
  disbursed_usd: z.number(),
});

export const project = z.object({
  irc_number: z.string(),
  name_vi: z.string(),
  name_en: z.string().nullable(),
  enterprise_tax_code: z.string().nullable(),
  investors: z.array(investor),
  origin,
  zone_code: z.string().nullable(),
  commune_code: z.string().nullable(),
  location: location.nullable(),
  land_area_ha: z.number().nullable(),
  vsic_version: z.string(),
  vsic_codes: z.array(z.string()),
  capital,
  milestones: z.array(milestone),
  status: projectStatus,
  issued_on: z.string().nullable(),
  extended_months: z.number().int(),
  source_code: z.string().nullable(),
  is_synthetic: z.boolean(),
});
export type Project = z.infer<typeof project>;

export const projectEvent = z.object({
  seq: z.number().int(),
  kind: eventKind,
  occurred_on: z.string(),
  decision_number: z.string().nullable(),
  amount: z.number().nullable(),
  months: z.number().int().nullable(),
  note: z.string().nullable(),
});
export const projectDetail = project.extend({
  events: z
    .array(projectEvent)
    .optional()
    .describe("Chỉ trả về cho người có quyền project.read_restricted trong phạm vi / restricted"),
});
export type ProjectDetail = z.infer<typeof projectDetail>;
export const ircParam = z.object({ irc_number: z.string().max(40) });
