/** The scopes an account may carry: checked against its role and against the registry. */
import type { Db } from "../../db/database.ts";
import type { Issue } from "../../platform/errors.ts";
import { existingTaxCodes } from "../enterprises/enterprises.service.ts";
import { parseTaxCode } from "../reference/tax-code.ts";
import { issue } from "../registry-issues.ts";
import { zoneKinds } from "../zones/zones.service.ts";
import type { Role } from "./policy.ts";

/** Zone officers need zones, enterprise staff need tax codes; no other role carries scopes. */
export async function scopeIssues(db: Db, role: Role, zones: string[], taxCodes: string[]): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (role === "zone_officer" && zones.length === 0) {
    issues.push(
      issue(
        "auth.scope_missing",
        "zone_codes",
        "Cán bộ Ban Quản lý cần ít nhất một khu.",
        "A zone officer needs at least one zone.",
      ),
    );
  }
  if (role === "enterprise" && taxCodes.length === 0) {
    issues.push(
      issue(
        "auth.scope_missing",
        "tax_codes",
        "Tài khoản doanh nghiệp cần ít nhất một mã số thuế.",
        "An enterprise account needs at least one tax code.",
      ),
    );
  }
  if (role !== "zone_officer" && zones.length > 0) {
    issues.push(
      issue(
        "auth.scope_not_applicable",
        "zone_codes",
        "Chỉ cán bộ Ban Quản lý được giao khu.",
        "Only zone officers are assigned zones.",
      ),
    );
  }
  if (role !== "enterprise" && taxCodes.length > 0) {
    issues.push(
      issue(
        "auth.scope_not_applicable",
        "tax_codes",
        "Chỉ tài khoản doanh nghiệp gắn mã số thuế.",
        "Only enterprise accounts are bound to tax codes.",
      ),
    );
  }
  const kinds = await zoneKinds(db);
  for (const code of zones.filter((z) => !kinds.has(z))) {
    issues.push(
      issue("registry.zone_unknown", "zone_codes", `Không có khu "${code}".`, `No zone "${code}".`, code),
    );
  }
  const wellFormed = taxCodes.filter((t) => parseTaxCode(t).valid);
  for (const code of taxCodes.filter((t) => !parseTaxCode(t).valid)) {
    issues.push(
      issue(
        "registry.tax_code_invalid",
        "tax_codes",
        `Mã số thuế "${code}" không hợp lệ.`,
        `Tax code "${code}" is not valid.`,
        code,
      ),
    );
  }
  const known = await existingTaxCodes(db, wellFormed);
  for (const code of wellFormed.filter((t) => !known.has(t))) {
    issues.push(
      issue(
        "registry.enterprise_unknown",
        "tax_codes",
        `Chưa có doanh nghiệp mã số thuế ${code}.`,
        `No enterprise with tax code ${code}.`,
        code,
      ),
    );
  }
  return issues;
}
