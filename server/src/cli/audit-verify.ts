/** `npm run audit:verify`: recomputes the audit log's hash chain; exit code 1 names the first broken link. */
import { openConfiguredDatabase } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { verifyAuditChain } from "../modules/audit/audit.service.ts";
import { progressBar } from "./progress.ts";

const config = loadConfig();
const handle = await openConfiguredDatabase(config);
let exitCode = 0;
try {
  const bar = progressBar("audit");
  const result = await verifyAuditChain(handle.db, (checked, total) => bar(checked, total));
  if (result.ok) {
    console.log(`Chuỗi nhật ký nguyên vẹn / audit chain intact: ${result.checked} bản ghi / entries`);
    if (result.head) console.log(`Đầu chuỗi / head: #${result.head.seq} ${result.head.hash}`);
    console.log(
      "Lưu mã đầu chuỗi ở nơi khác để phát hiện việc xoá phần cuối / keep the head elsewhere to detect truncation",
    );
  } else {
    const b = result.first_broken;
    console.error(
      `Chuỗi bị phá vỡ / chain broken at #${b?.seq} (${b?.at}): ${b?.reason}; ${result.checked}/${result.total} bản ghi trước đó hợp lệ / entries before it verified`,
    );
    exitCode = 1;
  }
} finally {
  await handle.close();
}
process.exit(exitCode);
