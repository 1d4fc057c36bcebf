/** `npm run db:migrate`: applies migrations and loads reference data (idempotent). */
import { loadReference, openConfiguredDatabase } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { grantAppRole } from "../db/grants.ts";
import { migrateToLatest } from "../db/migrate.ts";

const config = loadConfig();
const handle = await openConfiguredDatabase(config);
try {
  const applied = await migrateToLatest(handle.db);
  console.log(
    applied.length
      ? `Đã áp dụng / applied: ${applied.join(", ")}`
      : "Cơ sở dữ liệu đã cập nhật / database is up to date",
  );
  if (await loadReference(handle.db)) console.log("Đã nạp dữ liệu tham chiếu / reference data loaded");
  if (config.databaseAppRole && handle.kind === "postgres") {
    await grantAppRole(handle.db, config.databaseAppRole);
    console.log(
      `Đã cấp quyền cho vai trò ứng dụng / granted the application role "${config.databaseAppRole}" (audit_log: chỉ đọc và thêm / select and insert only)`,
    );
  }
} finally {
  await handle.close();
}
