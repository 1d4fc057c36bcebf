/** Accounts as the API shows them: never a password hash. */
import type { Me, User } from "./identity.schemas.ts";
import { PERMISSIONS, POLICY, type Role } from "./policy.ts";
import type * as repo from "./users.repository.ts";

type Row = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

export function presentUser(r: Row): User {
  return {
    id: r.id,
    username: r.username,
    display_name: r.display_name,
    email: r.email,
    role: r.role,
    zone_codes: r.zone_codes,
    tax_codes: r.tax_codes,
    status: r.status,
    must_change_password: r.must_change_password,
    last_login_at: r.last_login_at?.toISOString() ?? null,
    is_demo: r.is_demo,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}

/** The signed-in user with the scope of every permission their role (or token) holds. */
export function describeMe(
  user: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    zoneCodes: string[];
    taxCodes: string[];
    mustChangePassword: boolean;
  },
  tokenPermissions?: ReadonlySet<string>,
): Me {
  const permissions = Object.fromEntries(
    PERMISSIONS.flatMap((p) => {
      const scope = POLICY[user.role][p];
      return scope && (!tokenPermissions || tokenPermissions.has(p)) ? [[p, scope]] : [];
    }),
  );
  return {
    id: user.id,
    username: user.username,
    display_name: user.displayName,
    role: user.role,
    zone_codes: user.zoneCodes,
    tax_codes: user.taxCodes,
    must_change_password: user.mustChangePassword,
    permissions,
  };
}
