import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type AuditQuery, useAudit, useVerifyAudit } from "./api.ts";

type Entry = NonNullable<ReturnType<typeof useAudit>["data"]>["items"][number];

const T = {
  vi: {
    title: "Nhật ký kiểm toán",
    at: "Thời điểm",
    actor: "Người thực hiện",
    action: "Thao tác",
    entity: "Đối tượng",
    changes: "Thay đổi",
    verify: "Kiểm tra chuỗi băm",
    intact: "Chuỗi nguyên vẹn: {n} bản ghi. Đầu chuỗi #{seq}.",
    broken: "Chuỗi bị phá vỡ tại #{seq} ({reason}).",
    from: "Từ ngày",
    to: "Đến ngày",
    entityType: "Loại đối tượng",
  },
  en: {
    title: "Audit log",
    at: "Time",
    actor: "Actor",
    action: "Action",
    entity: "Entity",
    changes: "Changes",
    verify: "Verify the hash chain",
    intact: "Chain intact: {n} entries. Head #{seq}.",
    broken: "Chain broken at #{seq} ({reason}).",
    from: "From",
    to: "To",
    entityType: "Entity type",
  },
};

const ACTIONS = [
  "create",
  "update",
  "append_event",
  "import",
  "login",
  "login_failed",
  "logout",
  "permission_change",
  "password_change",
  "password_reset",
  "revoke",
  "seed",
];
const ENTITIES = ["zone", "enterprise", "project", "import", "user", "token", "session", "demo"];

export function AuditPage() {
  const { lang } = useI18n();
  const x = T[lang];
  const [params, update] = useListParams(["action", "entity_type", "actor", "from", "to"], "-seq");
  const audit = useAudit(params as AuditQuery);
  const verify = useVerifyAudit();
  const columns: Column<Entry>[] = [
    { key: "seq", header: "#", sortable: true, numeric: true, render: (e) => e.seq },
    {
      key: "at",
      header: x.at,
      sortable: true,
      render: (e) =>
        `${formatDate(e.at, lang)} ${new Date(e.at).toLocaleTimeString(lang === "vi" ? "vi-VN" : "en-GB", { timeZone: "Asia/Ho_Chi_Minh" })}`,
    },
    {
      key: "actor_username",
      header: x.actor,
      sortable: true,
      render: (e) => `${e.actor_username} (${e.actor_via})`,
    },
    { key: "action", header: x.action, sortable: true, render: (e) => e.action },
    {
      key: "entity_type",
      header: x.entity,
      sortable: true,
      render: (e) => `${e.entity_type} ${e.entity_id ?? ""}`,
    },
    {
      key: "changes",
      header: x.changes,
      render: (e) => <code className="changes">{JSON.stringify(e.changes).slice(0, 240)}</code>,
    },
  ];
  const result = verify.data;
  return (
    <>
      <h1>{x.title}</h1>
      <p>
        <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {x.verify}
        </button>{" "}
        {result && (
          <span role="status" className={result.ok ? undefined : "alert"}>
            {result.ok
              ? x.intact.replace("{n}", String(result.checked)).replace("{seq}", result.head?.seq ?? "0")
              : x.broken
                  .replace("{seq}", result.first_broken?.seq ?? "?")
                  .replace("{reason}", result.first_broken?.reason ?? "")}
          </span>
        )}
      </p>
      {audit.error && <LoadError error={audit.error} />}
      <DataTable
        caption={x.title}
        columns={columns}
        rows={audit.data?.items}
        total={audit.data?.total}
        params={params}
        onChange={update}
        rowKey={(e) => String(e.seq)}
        busy={audit.isFetching}
        exportBase="/api/v1/audit/export"
        filters={[
          { name: "action", label: x.action, options: ACTIONS.map((a) => ({ value: a, label: a })) },
          {
            name: "entity_type",
            label: x.entityType,
            options: ENTITIES.map((a) => ({ value: a, label: a })),
          },
        ]}
      />
    </>
  );
}
