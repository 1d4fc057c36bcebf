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

const RESTRICTED_NOTE =
  "Chỉ trả về cho người có quyền enterprise.read_restricted trong phạm vi / only for enterprise.read_restricted in scope";
/** Fields withheld from anyone outside the enterprise's scope: personal data and company-reported figures. */
export const RESTRICTED_ENTERPRISE_FIELDS = [
  "workers",
  "workers_as_of",
  "contact_name",
  "contact_phone",
  "contact_email",
] as const;

export const ownership = z
  .enum(["state", "non_state", "foreign"])
  .describe("state nhà nước, non_state ngoài nhà nước, foreign có vốn đầu tư nước ngoài");
export const enterpriseStatus = z.enum(["active", "suspended", "dissolved"]);
export const investorShare = z.object({ country: countryCode, share: z.number().min(0).max(100) });

export const enterpriseInput = z.object({
  tax_code: z.string().trim().max(20).describe("Mã số thuế, 10 chữ số (+ -001…-999)"),
  name_vi: z.string().trim().min(1).max(400),
  name_en: z.string().trim().max(400).nullish(),
  ownership,
  investor_countries: z
    .array(investorShare)
    .max(20)
    .default([])
    .describe("Quốc gia nhà đầu tư và tỷ lệ vốn (%) / investor countries and shares"),
  vsic_main: vsicCodeField.describe("Ngành chính, VSIC 2025"),
  vsic_other: z.array(vsicCodeField).max(50).default([]),
  address: z.string().trim().max(500).nullish(),
  commune_code: communeCode.nullish().describe("Mặc định: xã chứa toạ độ / default: commune at the location"),
  zone_code: z.string().max(30).nullish().describe("Khu/cụm (không bắt buộc) / zone, optional"),
  location: location.nullish(),
  workers: z.number().int().min(0).nullish(),
  workers_as_of: isoDate.nullish(),
  contact_name: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .describe("Người liên hệ (không công khai) / contact person, not public"),
  contact_phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{6,20}$/, "6–20 chữ số, có thể có +, khoảng trắng, (), - / 6–20 digits")
    .nullish(),
  contact_email: z.email().max(320).nullish(),
  high_tech: z.boolean().default(false),
  high_tech_certificate: z.string().trim().max(100).nullish(),
  status: enterpriseStatus.default("active"),
  established_on: isoDate.nullish(),
});
export type EnterpriseInput = z.infer<typeof enterpriseInput>;
export const enterprisePatch = patchOf(enterpriseInput.omit({ tax_code: true }));
export type EnterprisePatch = z.infer<typeof enterprisePatch>;

export const enterpriseFilter = z.object({
  q: textSearch,
  ownership: ownership.optional(),
  status: enterpriseStatus.optional(),
  zone: z
    .string()
    .max(30)
    .optional()
    .describe('Mã khu; "none" = ngoài khu / zone code; "none" = outside zones'),
  commune: communeCode.optional(),
  country: countryCode.optional(),
  vsic: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional()
    .describe("Mã VSIC hoặc tiền tố / code or prefix"),
  high_tech: queryBool.optional(),
  synthetic: queryBool.optional(),
});
export type EnterpriseFilter = z.infer<typeof enterpriseFilter>;

export const enterpriseSortFields = [
  "name_vi",
  "tax_code",
  "workers",
  "established_on",
  "updated_at",
] as const;
const enterpriseQueries = listQueries(enterpriseFilter, enterpriseSortFields, "name_vi", spatialExportFormat);
export const enterpriseListQuery = enterpriseQueries.list;
export const enterpriseExportQuery = enterpriseQueries.export;

export const enterprise = z.object({
  tax_code: z.string(),
  name_vi: z.string(),
  name_en: z.string().nullable(),
  ownership,
  investor_countries: z.array(investorShare),
  vsic_version: z.string(),
  vsic_main: z.string(),
  vsic_other: z.array(z.string()),
  address: z.string().nullable(),
  commune_code: z.string().nullable(),
  zone_code: z.string().nullable(),
  location: location.nullable(),
  workers: z.number().int().nullable().optional().describe(RESTRICTED_NOTE),
  workers_as_of: z.string().nullable().optional().describe(RESTRICTED_NOTE),
  contact_name: z.string().nullable().optional().describe(RESTRICTED_NOTE),
  contact_phone: z.string().nullable().optional().describe(RESTRICTED_NOTE),
  contact_email: z.string().nullable().optional().describe(RESTRICTED_NOTE),
  high_tech: z.boolean(),
  high_tech_certificate: z.string().nullable(),
  status: enterpriseStatus,
  established_on: z.string().nullable(),
  source_code: z.string().nullable(),
  is_synthetic: z.boolean(),
});
export type Enterprise = z.infer<typeof enterprise>;
export const taxCodeParam = z.object({ tax_code: z.string().max(20) });
