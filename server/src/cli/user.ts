/**
 * `npm run user -- <command>` for operators at the server's console:
 *   create --username U --role R --name "Họ tên" [--email E] [--zones A,B] [--tax-codes T1,T2]
 *   reset-password --username U      disable --username U      enable --username U      list
 * Passwords are read from the terminal without echo, or from standard input when piped.
 */
import { parseArgs } from "node:util";
import { openConfiguredDatabase } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { pendingMigrations } from "../db/migrate.ts";
import { operatorActor } from "../modules/audit/audit.service.ts";
import { ROLES, type Role } from "../modules/identity/policy.ts";
import {
  createUser,
  findUserByName,
  listUsers,
  resetPassword,
  updateUser,
} from "../modules/identity/users.service.ts";
import { AppError } from "../platform/errors.ts";
import { readSecret } from "./secret-input.ts";

const USAGE = `Cách dùng / usage:
  npm run user -- create --username U --role R --name "Họ tên" [--email E] [--zones A,B] [--tax-codes T1,T2]
  npm run user -- reset-password --username U
  npm run user -- disable --username U
  npm run user -- enable --username U
  npm run user -- list
Vai trò / roles: ${ROLES.join(", ")}`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    username: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    email: { type: "string" },
    zones: { type: "string" },
    "tax-codes": { type: "string" },
  },
});
const command = positionals[0];
const list = (text: string | undefined) =>
  text
    ? text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const config = loadConfig();

const handle = await openConfiguredDatabase(config);
let exitCode = 0;
try {
  if ((await pendingMigrations(handle.db)).length) {
    fail(
      'Cơ sở dữ liệu chưa cập nhật; chạy "npm run db:migrate" hoặc "npm start" trước. / Run "npm run db:migrate" first.',
    );
  }
  const actor = operatorActor();
  const target = async () => {
    if (!values.username) fail(`Thiếu --username / --username is required\n${USAGE}`);
    const user = await findUserByName(handle.db, values.username);
    if (!user) fail(`Không có người dùng / no user "${values.username}"`);
    return user;
  };
  switch (command) {
    case "create": {
      if (!values.username || !values.role || !values.name) fail(`Thiếu tham số / missing options\n${USAGE}`);
      if (!(ROLES as readonly string[]).includes(values.role))
        fail(`Vai trò không hợp lệ / unknown role "${values.role}"\n${USAGE}`);
      const password = await readSecret("Mật khẩu / password: ", true);
      const user = await createUser(handle.db, config, actor, {
        username: values.username.trim().toLowerCase(),
        display_name: values.name,
        email: values.email ?? null,
        role: values.role as Role,
        zone_codes: list(values.zones).map((z) => z.toUpperCase()),
        tax_codes: list(values["tax-codes"]),
        password,
        must_change_password: false,
      });
      console.log(`Đã tạo / created ${user.username} (${user.role}) ${user.id}`);
      break;
    }
    case "reset-password": {
      const user = await target();
      const password = await readSecret("Mật khẩu mới / new password: ", true);
      await resetPassword(handle.db, config, actor, user.id, password);
      console.log(
        `Đã đặt lại mật khẩu; mọi phiên đã đăng xuất / password reset for ${user.username}; sessions ended`,
      );
      break;
    }
    case "disable":
    case "enable": {
      const user = await target();
      await updateUser(handle.db, actor, user.id, { status: command === "disable" ? "disabled" : "active" });
      console.log(
        `${command === "disable" ? "Đã vô hiệu hoá / disabled" : "Đã kích hoạt / enabled"} ${user.username}`,
      );
      break;
    }
    case "list": {
      const page = await listUsers(handle.db, {}, "username", { page: 1, page_size: 500 });
      for (const u of page.items) {
        console.log([u.username.padEnd(20), u.role.padEnd(22), u.status.padEnd(9), u.display_name].join(" "));
      }
      break;
    }
    default:
      fail(USAGE);
  }
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`${error.text.vi} / ${error.text.en}`);
  for (const i of error.issues) console.error(`  - ${i.field ?? ""}: ${i.message.vi} / ${i.message.en}`);
  exitCode = 1;
} finally {
  await handle.close();
}
process.exit(exitCode);
