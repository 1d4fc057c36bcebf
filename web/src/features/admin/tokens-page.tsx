import { type FormEvent, useState } from "react";
import { LoadError, Loading } from "../../components/status.tsx";
import { ApiError } from "../../lib/api.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import {
  type TokenInput,
  useCreateToken,
  useGrantablePermissions,
  useRevokeToken,
  useTokens,
} from "./api.ts";

const T = {
  vi: {
    title: "Khoá API",
    name: "Tên (mục đích)",
    permissions: "Quyền",
    days: "Hiệu lực (ngày)",
    create: "Tạo khoá",
    shown: "Khoá mới — chỉ hiện một lần, hãy lưu lại ngay:",
    prefix: "Khoá",
    owner: "Người tạo",
    expires: "Hết hạn",
    lastUsed: "Dùng lần cuối",
    status: "Trạng thái",
    revoke: "Thu hồi",
  },
  en: {
    title: "API tokens",
    name: "Name (purpose)",
    permissions: "Permissions",
    days: "Valid for (days)",
    create: "Create token",
    shown: "New token — shown once, store it now:",
    prefix: "Token",
    owner: "Owner",
    expires: "Expires",
    lastUsed: "Last used",
    status: "Status",
    revoke: "Revoke",
  },
};

export function TokensPage() {
  const { lang, t } = useI18n();
  const x = T[lang];
  const tokens = useTokens();
  const grantable = useGrantablePermissions();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [chosen, setChosen] = useState<string[]>([]);
  const error = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    create.mutate({
      name: String(f.get("name") ?? ""),
      permissions: chosen as TokenInput["permissions"],
      expires_in_days: Number(f.get("days") ?? 90),
    });
  };
  return (
    <>
      <h1>{x.title}</h1>
      {tokens.isPending && <Loading />}
      {tokens.error && <LoadError error={tokens.error} />}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{x.title}</caption>
          <thead>
            <tr>
              <th scope="col">{x.prefix}</th>
              <th scope="col">{x.name}</th>
              <th scope="col">{x.owner}</th>
              <th scope="col">{x.permissions}</th>
              <th scope="col">{x.expires}</th>
              <th scope="col">{x.lastUsed}</th>
              <th scope="col">{x.status}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data?.map((k) => (
              <tr key={k.id}>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{k.name}</td>
                <td>{k.username}</td>
                <td>{k.permissions.join(", ")}</td>
                <td>{formatDate(k.expires_at, lang)}</td>
                <td>{formatDate(k.last_used_at, lang)}</td>
                <td>
                  {t(`tokenStatus.${k.status}`)}
                  {k.status === "active" && (
                    <>
                      {" "}
                      ·{" "}
                      <button type="button" className="link" onClick={() => revoke.mutate(k.id)}>
                        {x.revoke}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="new-token">
        <h2 id="new-token">{x.create}</h2>
        <label>
          <span>{x.name}</span>
          <input name="name" required />
        </label>
        <fieldset>
          <legend>{x.permissions}</legend>
          {error?.fieldMessage("permissions") && (
            <p className="field-error">{error.fieldMessage("permissions")}</p>
          )}
          {grantable.data?.map((p) => (
            <label key={p} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(p)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, p] : chosen.filter((c) => c !== p))}
              />{" "}
              {p}
            </label>
          ))}
        </fieldset>
        <label>
          <span>{x.days}</span>
          <input name="days" type="number" min={1} max={365} defaultValue={90} />
        </label>
        <button type="submit" disabled={create.isPending || chosen.length === 0}>
          {x.create}
        </button>
        {create.data && (
          <p role="status" className="banner">
            {x.shown} <code data-testid="new-token">{create.data.token}</code>
          </p>
        )}
      </form>
    </>
  );
}
