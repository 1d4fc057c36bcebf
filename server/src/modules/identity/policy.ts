/**
 * Who may do what: the one table of roles × permissions × scopes (pure, no I/O).
 * Routes declare the permission they need; http/access.ts enforces it with these functions.
 */

export const ROLES = [
  "admin",
  "leader",
  "industry_official",
  "zone_officer",
  "environment_inspector",
  "enterprise",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role | "public", { vi: string; en: string }> = {
  admin: { vi: "Quản trị hệ thống", en: "Administrator" },
  leader: { vi: "Lãnh đạo thành phố", en: "City leader" },
  industry_official: { vi: "Cán bộ Sở Công Thương", en: "Industry and Trade official" },
  zone_officer: { vi: "Cán bộ Ban Quản lý các KKT", en: "Economic Zone Authority officer" },
  environment_inspector: { vi: "Thanh tra môi trường", en: "Environment inspector" },
  enterprise: { vi: "Doanh nghiệp", en: "Enterprise" },
  public: { vi: "Công chúng (không đăng nhập)", en: "Public (anonymous)" },
};

export const PERMISSIONS = [
  "reference.read",
  "summary.read",
  "zone.read",
  "zone.create",
  "zone.update",
  "enterprise.read",
  "enterprise.read_restricted",
  "enterprise.create",
  "enterprise.update",
  "project.read",
  "project.read_restricted",
  "project.create",
  "project.update",
  "import.read",
  "import.create",
  "account.use",
  "token.manage",
  "user.read",
  "user.manage",
  "audit.read",
  "audit.verify",
  "station.read",
  "station.read_restricted",
  "station.manage",
  "observation.ingest",
  "limits.manage",
  "case.read",
  "case.manage",
  "case.answer",
  "catalogue.read",
  "catalogue.manage",
  "screening.run",
  "screening.read",
  "supervision.read",
  "supervision.manage",
  "legal_rule.manage",
  "report.read",
  "report.submit",
  "report.review",
  "statistics.read",
  "statistics.manage",
  "production.read",
  "production.submit",
  "production.review",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * all: anything; zones: the zones assigned to the user (and zones inside an assigned economic zone);
 * clusters: industrial clusters (CCN), which the Department of Industry and Trade manages;
 * own: the enterprises bound to the user by tax code (and their branches); self: the user's own records.
 */
export type Scope = "all" | "zones" | "clusters" | "own" | "self";

/** Resources whose existence is public: refusing an action on them says 403, not 404. */
export const PUBLIC_RESOURCES: ReadonlySet<string> = new Set([
  "reference",
  "summary",
  "zone",
  "enterprise",
  "project",
  "station",
  "catalogue",
  "statistics",
]);

/** What an API token may never carry: tokens act for integrations, not for managing the account. */
export const NOT_FOR_TOKENS: ReadonlySet<Permission> = new Set([
  "account.use",
  "token.manage",
  "user.manage",
]);

const OPEN_DATA: Partial<Record<Permission, Scope>> = {
  "reference.read": "all",
  "summary.read": "all",
  "zone.read": "all",
  "enterprise.read": "all",
  "project.read": "all",
  "station.read": "all",
  "catalogue.read": "all",
  "statistics.read": "all",
};
const SIGNED_IN: Partial<Record<Permission, Scope>> = {
  ...OPEN_DATA,
  "account.use": "self",
  "token.manage": "self",
  // Anyone signed in may screen a proposal and read their own screenings.
  "screening.run": "self",
  "screening.read": "self",
};
const READ_ALL_RESTRICTED: Partial<Record<Permission, Scope>> = {
  "enterprise.read_restricted": "all",
  "project.read_restricted": "all",
};

export const POLICY: Record<Role | "public", Partial<Record<Permission, Scope>>> = {
  public: OPEN_DATA,
  enterprise: {
    ...SIGNED_IN,
    "enterprise.read_restricted": "own",
    "project.read_restricted": "own",
    "enterprise.update": "own",
    "station.read_restricted": "own",
    "observation.ingest": "own",
    "case.read": "own",
    "case.answer": "own",
    "supervision.read": "own",
    "report.read": "own",
    "report.submit": "own",
    "production.read": "own",
    "production.submit": "own",
    "import.create": "own",
    "import.read": "self",
  },
  zone_officer: {
    ...SIGNED_IN,
    "enterprise.read_restricted": "zones",
    "project.read_restricted": "zones",
    "zone.update": "zones",
    "enterprise.create": "zones",
    "enterprise.update": "zones",
    "project.create": "zones",
    "project.update": "zones",
    "import.create": "zones",
    "import.read": "self",
    "station.read_restricted": "zones",
    "station.manage": "zones",
    "observation.ingest": "zones",
    "case.read": "zones",
    "screening.read": "all",
    "supervision.read": "zones",
    "supervision.manage": "zones",
    "report.read": "zones",
    "report.submit": "zones",
    "report.review": "zones",
  },
  industry_official: {
    ...SIGNED_IN,
    ...READ_ALL_RESTRICTED,
    "zone.create": "clusters",
    "zone.update": "clusters",
    "enterprise.create": "all",
    "enterprise.update": "all",
    "project.create": "all",
    "project.update": "all",
    "import.create": "all",
    "import.read": "self",
    "catalogue.manage": "all",
    "screening.read": "all",
    "supervision.read": "all",
    "supervision.manage": "all",
    "legal_rule.manage": "all",
    "report.read": "all",
    "report.submit": "all",
    "report.review": "all",
    "statistics.manage": "all",
    "production.read": "all",
    "production.submit": "all",
    "production.review": "all",
  },
  environment_inspector: {
    ...SIGNED_IN,
    ...READ_ALL_RESTRICTED,
    "station.read_restricted": "all",
    "station.manage": "all",
    "observation.ingest": "all",
    "case.read": "all",
    "case.manage": "all",
  },
  leader: {
    ...SIGNED_IN,
    ...READ_ALL_RESTRICTED,
    "import.read": "all",
    "user.read": "all",
    "audit.read": "all",
    "station.read_restricted": "all",
    "case.read": "all",
    "screening.read": "all",
    "supervision.read": "all",
    "report.read": "all",
    "production.read": "all",
  },
  admin: Object.fromEntries(PERMISSIONS.map((p) => [p, "all"])) as Record<Permission, Scope>,
};

/** Enterprise staff may change only what their company reports about itself; officials keep the rest. */
export const ENTERPRISE_EDITABLE_FIELDS: ReadonlySet<string> = new Set([
  "name_en",
  "address",
  "contact_name",
  "contact_phone",
  "contact_email",
  "workers",
  "workers_as_of",
]);

/** The enterprise fields a role may change; undefined: every field its permission allows. */
export function editableEnterpriseFields(role: Role): ReadonlySet<string> | undefined {
  return role === "enterprise" ? ENTERPRISE_EDITABLE_FIELDS : undefined;
}

export interface Subject {
  id: string;
  role: Role;
  /** Assigned zones, expanded with the zones inside an assigned economic zone. */
  zones: ReadonlySet<string>;
  taxCodes: readonly string[];
  /** Present when an API token acts: the permissions it was given. */
  tokenPermissions?: ReadonlySet<string>;
}

/** What an action is about: the zones (with their kinds), enterprises and owner it touches. */
export interface Target {
  zones?: ReadonlyArray<string | null>;
  zoneKinds?: readonly string[];
  taxCodes?: ReadonlyArray<string | null>;
  ownerId?: string | null;
}

/** The scope a subject (or the anonymous public, when null) holds for a permission, or null. */
export function scopeOf(subject: Subject | null, permission: Permission): Scope | null {
  if (!subject) return POLICY.public[permission] ?? null;
  if (subject.tokenPermissions && !subject.tokenPermissions.has(permission)) {
    return POLICY.public[permission] ?? null;
  }
  return POLICY[subject.role][permission] ?? POLICY.public[permission] ?? null;
}

/** A tax code belongs to a bound enterprise when it is that code or one of its branches (-001…). */
export function ownsTaxCode(bound: readonly string[], taxCode: string): boolean {
  return bound.some((code) => taxCode === code || taxCode.startsWith(`${code}-`));
}

/** Whether a scope covers a target. Every zone and tax code in the target must be covered. */
export function scopeCovers(scope: Scope, subject: Subject | null, target: Target): boolean {
  switch (scope) {
    case "all":
      return true;
    case "zones": {
      const zones = target.zones ?? [];
      return subject !== null && zones.length > 0 && zones.every((z) => z !== null && subject.zones.has(z));
    }
    case "clusters": {
      const kinds = target.zoneKinds ?? [];
      return kinds.length > 0 && kinds.every((k) => k === "ccn");
    }
    case "own": {
      const codes = target.taxCodes ?? [];
      return (
        subject !== null &&
        codes.length > 0 &&
        codes.every((c) => c !== null && ownsTaxCode(subject.taxCodes, c))
      );
    }
    case "self":
      return subject !== null && target.ownerId === subject.id;
  }
}

/** Whether the subject may do `permission` on `target` (without a target: on something of that kind). */
export function allows(subject: Subject | null, permission: Permission, target?: Target): boolean {
  const scope = scopeOf(subject, permission);
  if (scope === null) return false;
  return target === undefined || scopeCovers(scope, subject, target);
}

/** The permissions a role may hand to an API token. */
export function grantablePermissions(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => POLICY[role][p] !== undefined && !NOT_FOR_TOKENS.has(p));
}
