/** /dau-tu/danh-muc/:code: a version's header and its entries; managers add entries to a draft and publish it. */
import { Link, useParams } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { useCan } from "../../components/require-permission.tsx";
import { LoadError, Loading } from "../../components/status.tsx";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type EntryQuery, useCatalogueEntries, useCatalogueVersion } from "./api.ts";
import { CategoryBadge, SampleLabel, StatusTag } from "./badges.tsx";
import { useCriteriaText } from "./criteria.ts";
import { EntryForm } from "./entry-form.tsx";
import { InvestmentNav } from "./investment-nav.tsx";
import { PublishButton } from "./publish-button.tsx";
import { useText } from "./text.ts";
import { TextFilter } from "./text-filter.tsx";

type Entry = NonNullable<ReturnType<typeof useCatalogueEntries>["data"]>["items"][number];
const CATEGORIES = ["encouraged", "conditional", "not_accepted"];

export function CatalogueVersionPage() {
  const { code = "" } = useParams();
  const { lang } = useI18n();
  const { x, label } = useText();
  const can = useCan();
  const criteria = useCriteriaText();
  const version = useCatalogueVersion(code);
  const [params, update] = useListParams(["category", "vsic"], "code");
  const entries = useCatalogueEntries(code, params as EntryQuery);
  if (version.error) return <LoadError error={version.error} />;
  if (!version.data) return <Loading />;
  const v = version.data;
  const columns: Column<Entry>[] = [
    { key: "code", header: x("code"), sortable: true, render: (e) => e.code },
    {
      key: "category",
      header: x("category"),
      sortable: true,
      render: (e) => <CategoryBadge category={e.category} />,
    },
    {
      key: "title",
      header: x("entryTitle"),
      render: (e) => (
        <>
          {lang === "en" && e.title_en ? e.title_en : e.title_vi}
          {e.products.length > 0 && (
            <div className="muted">
              {x("products")}: {e.products.join(", ")}
            </div>
          )}
        </>
      ),
    },
    { key: "vsic", header: x("vsic"), render: (e) => e.vsic_codes.join(", ") || "—" },
    {
      key: "criteria",
      header: x("criteria"),
      render: (e) =>
        e.criteria.length === 0 ? (
          <span className="muted">{x("noCriteria")}</span>
        ) : (
          <ul className="criteria">
            {e.criteria.map((c) => (
              <li key={`${c.field}${c.operator}`}>{criteria.sentence(c)}</li>
            ))}
          </ul>
        ),
    },
    { key: "legal_basis", header: x("legalBasis"), render: (e) => e.legal_basis ?? "—" },
  ];
  const mayEdit = can("catalogue.manage") && v.status === "draft";
  return (
    <>
      <p>
        <Link to="/dau-tu/danh-muc">← {x("back")}</Link>
      </p>
      <h1>
        {lang === "en" && v.title_en ? v.title_en : v.title_vi} <SampleLabel sample={v.is_sample} />
      </h1>
      <InvestmentNav />
      <dl className="facts">
        <dt>{x("code")}</dt>
        <dd>
          {v.code} · <StatusTag kind="versionStatus" value={v.status} />
          {v.published_at && ` · ${x("published")} ${formatDateTime(v.published_at, lang)}`}
        </dd>
        <dt>{x("decision")}</dt>
        <dd>{v.decision_number ? `${v.decision_number} (${formatDate(v.decided_on, lang)})` : "—"}</dd>
        <dt>{x("inForce")}</dt>
        <dd>
          {formatDate(v.in_force_from, lang)} – {v.in_force_to ? formatDate(v.in_force_to, lang) : "…"}
        </dd>
        <dt>{x("history")}</dt>
        <dd>
          {v.supersedes ? (
            <>
              {x("supersedes")} <Link to={`/dau-tu/danh-muc/${v.supersedes}`}>{v.supersedes}</Link>
            </>
          ) : (
            "—"
          )}
          {v.superseded_by && (
            <>
              {" · "}
              {x("supersededBy")} <Link to={`/dau-tu/danh-muc/${v.superseded_by}`}>{v.superseded_by}</Link>
            </>
          )}
        </dd>
        <dt>{x("entries")}</dt>
        <dd>{formatNumber(v.entry_count, lang)}</dd>
        {v.note && (
          <>
            <dt>{x("note")}</dt>
            <dd>{v.note}</dd>
          </>
        )}
      </dl>
      {mayEdit && <PublishButton code={v.code} />}
      <h2>{x("entryTitle")}</h2>
      <TextFilter
        label={x("vsicFilter")}
        value={String(params.vsic ?? "")}
        onApply={(vsic) => update({ vsic })}
      />
      {entries.error && <LoadError error={entries.error} />}
      <DataTable
        caption={x("entryTitle")}
        columns={columns}
        rows={entries.data?.items}
        total={entries.data?.total}
        params={params}
        onChange={update}
        rowKey={(e) => e.code}
        busy={entries.isFetching}
        exportBase={`/api/v1/investment/catalogue/versions/${encodeURIComponent(code)}/entries/export`}
        exportFormats={["csv", "xlsx"]}
        filters={[
          {
            name: "category",
            label: x("category"),
            options: CATEGORIES.map((c) => ({ value: c, label: label("category", c) })),
          },
        ]}
      />
      {mayEdit && <EntryForm code={v.code} />}
    </>
  );
}
