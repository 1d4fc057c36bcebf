/** The screenings stored for this user (officials see everyone's): search, filter by category, export. */
import { Link } from "react-router";
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ScreeningQuery, useScreenings } from "./api.ts";
import { CategoryBadge } from "./badges.tsx";
import { useText } from "./text.ts";

type Row = NonNullable<ReturnType<typeof useScreenings>["data"]>["items"][number];

export function ScreeningsList() {
  const { lang } = useI18n();
  const { x, label } = useText();
  const [params, update] = useListParams(["category", "version"], "-created_at");
  const list = useScreenings(params as ScreeningQuery);
  const columns: Column<Row>[] = [
    {
      key: "code",
      header: x("code"),
      render: (s) => <Link to={`/dau-tu/sang-loc/${s.code}`}>{s.code}</Link>,
    },
    { key: "title", header: x("projectName"), render: (s) => s.title },
    {
      key: "category",
      header: x("category"),
      sortable: true,
      render: (s) => <CategoryBadge category={s.category} />,
    },
    {
      key: "version",
      header: x("versionUsed"),
      render: (s) => <Link to={`/dau-tu/danh-muc/${s.version_code}`}>{s.version_code}</Link>,
    },
    { key: "screened_on", header: x("screenedOn"), render: (s) => formatDate(s.screened_on, lang) },
    { key: "username", header: x("screenedBy"), render: (s) => s.username ?? "—" },
    { key: "created_at", header: x("at"), sortable: true, render: (s) => formatDateTime(s.created_at, lang) },
  ];
  return (
    <section aria-labelledby="stored-screenings">
      <h2 id="stored-screenings">{x("stored")}</h2>
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={x("stored")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(s) => s.code}
        busy={list.isFetching}
        exportBase="/api/v1/investment/screenings/export"
        exportFormats={["csv", "xlsx"]}
        filters={[
          {
            name: "category",
            label: x("category"),
            options: ["encouraged", "conditional", "not_accepted", "unlisted"].map((c) => ({
              value: c,
              label: label("category", c),
            })),
          },
        ]}
      />
    </section>
  );
}
