import { type FormEvent, useState } from "react";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { ApiError } from "../../lib/api.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import {
  type UserInput,
  type UserQuery,
  useCreateUser,
  useResetPassword,
  useUpdateUser,
  useUsers,
} from "./api.ts";

const ROLES = [
  "admin",
  "leader",
  "industry_official",
  "zone_officer",
  "environment_inspector",
  "enterprise",
] as const;
type User = NonNullable<ReturnType<typeof useUsers>["data"]>["items"][number];
const list = (text: string) => text.split(/[,;\s]+/).filter(Boolean);

const T = {
  vi: {
    title: "Người dùng",
    username: "Tên đăng nhập",
    name: "Họ tên",
    role: "Vai trò",
    zones: "Khu được giao",
    taxCodes: "Mã số thuế gắn",
    status: "Trạng thái",
    lastLogin: "Đăng nhập gần nhất",
    create: "Tạo người dùng",
    password: "Mật khẩu ban đầu",
    email: "Email",
    disable: "Vô hiệu hoá",
    enable: "Kích hoạt",
    reset: "Cấp mật khẩu tạm",
    temporary: "Mật khẩu tạm (chỉ hiện một lần)",
    created: "Đã tạo",
  },
  en: {
    title: "Users",
    username: "Username",
    name: "Name",
    role: "Role",
    zones: "Zones",
    taxCodes: "Tax codes",
    status: "Status",
    lastLogin: "Last sign-in",
    create: "Create a user",
    password: "Initial password",
    email: "Email",
    disable: "Disable",
    enable: "Enable",
    reset: "Issue a temporary password",
    temporary: "Temporary password (shown once)",
    created: "Created",
  },
};

function CreateUserForm() {
  const { lang, t } = useI18n();
  const x = T[lang];
  const create = useCreateUser();
  const error = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const v = (n: string) => String(f.get(n) ?? "").trim();
    const body = {
      username: v("username"),
      display_name: v("display_name"),
      email: v("email") || null,
      role: v("role") as UserInput["role"],
      zone_codes: list(v("zone_codes")),
      tax_codes: list(v("tax_codes")),
      password: v("password"),
      must_change_password: true,
    } as UserInput;
    create.mutate(body);
  };
  const field = (name: string, label: string, type = "text") => (
    <label htmlFor={`u-${name}`}>
      <span>{label}</span>
      <input
        id={`u-${name}`}
        name={name}
        type={type}
        aria-invalid={error?.fieldMessage(name) ? true : undefined}
      />
      {error?.fieldMessage(name) && <span className="field-error">{error.fieldMessage(name)}</span>}
    </label>
  );
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="create-user">
      <h2 id="create-user">{x.create}</h2>
      {field("username", x.username)}
      {field("display_name", x.name)}
      {field("email", x.email, "email")}
      <label htmlFor="u-role">
        <span>{x.role}</span>
        <select id="u-role" name="role" defaultValue="leader">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {field("zone_codes", `${x.zones} (KCN-DINHVU, …)`)}
      {field("tax_codes", x.taxCodes)}
      {field("password", x.password, "password")}
      {error && !error.details.some((d) => d.field) && (
        <p role="alert" className="alert">
          {error.message}
        </p>
      )}
      <button type="submit" disabled={create.isPending}>
        {x.create}
      </button>
      {create.data && (
        <p role="status">
          {x.created}: {create.data.username}
        </p>
      )}
    </form>
  );
}

export function UsersPage() {
  const { lang, t } = useI18n();
  const x = T[lang];
  const [params, update] = useListParams(["role", "status"], "username");
  const users = useUsers(params as UserQuery);
  const patch = useUpdateUser();
  const reset = useResetPassword();
  const [temporary, setTemporary] = useState<{ username: string; password: string } | null>(null);
  const columns: Column<User>[] = [
    { key: "username", header: x.username, sortable: true, render: (u) => u.username },
    { key: "display_name", header: x.name, sortable: true, render: (u) => u.display_name },
    { key: "role", header: x.role, sortable: true, render: (u) => t(`role.${u.role}`) },
    {
      key: "scope",
      header: `${x.zones} / ${x.taxCodes}`,
      render: (u) => [...u.zone_codes, ...u.tax_codes].join(", ") || "—",
    },
    {
      key: "last_login_at",
      header: x.lastLogin,
      sortable: true,
      render: (u) => formatDate(u.last_login_at, lang),
    },
    {
      key: "status",
      header: x.status,
      render: (u) => (
        <>
          {t(`userStatus.${u.status}`)}{" "}
          <button
            type="button"
            className="link"
            onClick={() =>
              patch.mutate({ id: u.id, patch: { status: u.status === "active" ? "disabled" : "active" } })
            }
          >
            {u.status === "active" ? x.disable : x.enable}
          </button>{" "}
          ·{" "}
          <button
            type="button"
            className="link"
            onClick={() =>
              reset.mutate(u.id, {
                onSuccess: (r) => setTemporary({ username: u.username, password: r.temporary_password }),
              })
            }
          >
            {x.reset}
          </button>
        </>
      ),
    },
  ];
  return (
    <>
      <h1>{x.title}</h1>
      {users.error && <LoadError error={users.error} />}
      {patch.error && (
        <p role="alert" className="alert">
          {(patch.error as Error).message}
        </p>
      )}
      {temporary && (
        <p role="status" className="banner">
          {x.temporary} — {temporary.username}: <code>{temporary.password}</code>
        </p>
      )}
      <DataTable
        caption={x.title}
        columns={columns}
        rows={users.data?.items}
        total={users.data?.total}
        params={params}
        onChange={update}
        rowKey={(u) => u.id}
        busy={users.isFetching}
        exportBase="/api/v1/users/export"
        filters={[
          { name: "role", label: x.role, options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) },
          {
            name: "status",
            label: x.status,
            options: (["active", "disabled"] as const).map((s) => ({
              value: s,
              label: t(`userStatus.${s}`),
            })),
          },
        ]}
      />
      <CreateUserForm />
    </>
  );
}
