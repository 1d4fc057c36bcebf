import type { ColumnType, Generated } from "kysely";

export interface ImportRunTable {
  id: string;
  kind: string;
  file_name: string | null;
  format: string;
  status: "applied" | "rejected" | "valid";
  total_rows: number;
  inserted: number;
  updated: number;
  issues: ColumnType<unknown[], string, string>;
  search_text: Generated<string>;
  user_id: string | null;
  username: string | null;
  created_at: ColumnType<Date, never, never>;
}
