import type { ColumnType, Generated } from "kysely";
import type { Role } from "./policy.ts";

export type UserStatus = "active" | "disabled";

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  role: Role;
  zone_codes: string[];
  tax_codes: string[];
  status: UserStatus;
  password_hash: string;
  must_change_password: boolean;
  password_changed_at: ColumnType<Date, Date | undefined, Date>;
  last_login_at: ColumnType<Date | null, never, Date>;
  is_demo: boolean;
  search_text: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  locked_until: Date | null;
  last_failure_at: ColumnType<Date, Date | undefined, Date>;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
  client_ip: string | null;
  user_agent: string | null;
  revoked_at: ColumnType<Date | null, never, Date>;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  permissions: string[];
  expires_at: Date;
  last_used_at: ColumnType<Date | null, never, Date>;
  last_used_ip: ColumnType<string | null, never, string | null>;
  created_at: Generated<Date>;
  revoked_at: ColumnType<Date | null, never, Date>;
}
