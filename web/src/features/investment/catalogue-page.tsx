/** /dau-tu/danh-muc: the catalogue's versions, each with its validity and its place in the history. */
import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { useCan } from "../../components/require-permission.tsx";
import { LoadError } from "../../components/status.tsx";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useCatalogueVersions, type VersionQuery } from "./api.ts";
import { SampleLabel, StatusTag } from "./badges.tsx";
import { InvestmentNav } from "./investment-nav.tsx";
import { NewVersionForm } from "./new-version-form.tsx";
import { useText } from "./text.ts";

type Version = NonNullable<ReturnType<typeof useCatalogueVersions>["data"]>["items"][number];

export function CataloguePage() {
  const { lang } = useI18n();
  const { x, label } = useText();
  const can = useCan();
  const [params, update] = useListParams(["status"], "-in_force_from");
  const list = useCatalogueVersions(params as VersionQuery);
  const link = (code: string | null) => (code ? <Link to={`/dau-tu/danh-muc/${code}`}>{code}</Link> : null);
  const columns: Column<Version>[] = [
    {
      key: "code",
      header: x("code"),
      sortable: true,
      render: (v) => (
        <>
          {link(v.code)} <SampleLabel sample={v.is_sample} />
        </>
      ),
    },
    {
      key: "title",
      header: x("versionTitle"),
      render: (v) => (lang === "en" && v.title_en ? v.title_en : v.title_vi),
    },
    {
      key: "decision",
      header: x("decision"),
      render: (v) => (v.decision_number ? `${v.decision_number} (${formatDate(v.decided_on, lang)})` : "—"),
    },
    {
      key: "in_force_from",
      header: x("inForce"),
      sortable: true,
      render: (v) =>
        `${formatDate(v.in_force_from, lang)} – ${v.in_force_to ? formatDate(v.in_force_to, lang) : "…"}`,
    },
    {
      key: "history",
      header: x("history"),
      render: (v) => (
        <>
          {v.supersedes && (
            <div>
              {x("supersedes")} {link(v.supersedes)}
            </div>
          )}
          {v.superseded_by && (
            <div>
              {x("supersededBy")} {link(v.superseded_by)}
            </div>
          )}
          {!v.supersedes && !v.superseded_by && "—"}
        </>
      ),
    },
    {
      key: "status",
      header: x("status"),
      render: (v) => <StatusTag kind="versionStatus" value={v.status} />,
    },
    {
      key: "entry_count",
      header: x("entries"),
      numeric: true,
      render: (v) => formatNumber(v.entry_count, lang),
    },
  ];
  return (
    <>
      <h1>{x("catalogue")}</h1>
      <InvestmentNav />
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={x("versions")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(v) => v.code}
        busy={list.isFetching}
        filters={[
          {
            name: "status",
            label: x("status"),
            options: ["draft", "published"].map((s) => ({ value: s, label: label("versionStatus", s) })),
          },
        ]}
      />
      {can("catalogue.manage") && <NewVersionForm versions={list.data?.items ?? []} />}
    </>
  );
}
