/**
 * /thong-ke/san-luong/cho-duyet: the figures flagged and not yet confirmed, each beside the
 * enterprise's own recent months, with the flag's reason and a Confirm action (a confirmed figure
 * leaves the queue).
 */
import { type Column, DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { ConfirmFigure } from "./confirm-figure.tsx";
import { formatMonth } from "./production.ts";
import { type Figure, type ProductionQuery, useProduction, useProducts } from "./production-api.ts";
import { FigureFlags, figureColumns } from "./production-columns.tsx";
import { ProductionNav } from "./production-nav.tsx";
import { useProductionText } from "./production-text.ts";
import { RecentHistory } from "./recent-history.tsx";
import { StatisticsNav } from "./statistics-nav.tsx";

const KEPT = ["month", "enterprise", "product", "quantity"];

export function ProductionQueuePage() {
  const { lang } = useI18n();
  const text = useProductionText();
  const { x } = text;
  const products = useProducts();
  const [params, update] = useListParams(["product"], "submitted_at");
  const list = useProduction({ ...params, status: "flagged" } as ProductionQuery);
  const columns: Column<Figure>[] = [
    ...figureColumns(text, lang).filter((c) => KEPT.includes(c.key)),
    {
      key: "recent",
      header: `${x("flags")} · ${x("recent")}`,
      render: (f) => (
        <div className="queue-reason">
          <FigureFlags flags={f.flags} />
          <RecentHistory figure={f} />
        </div>
      ),
    },
    {
      key: "confirm",
      header: x("confirm"),
      render: (f) => <ConfirmFigure id={f.id} label={`${f.product_name} ${formatMonth(f.month)}`} />,
    },
  ];
  return (
    <>
      <h1>{x("queue")}</h1>
      <StatisticsNav />
      <ProductionNav />
      <p className="muted">{x("queueIntro")}</p>
      {list.error && <LoadError error={list.error} />}
      {list.data?.total === 0 && !params.q && !params.product && (
        <p role="status" className="ok">
          {x("queueEmpty")}
        </p>
      )}
      <DataTable
        caption={x("queue")}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(f) => String(f.id)}
        busy={list.isFetching}
        filters={[
          {
            name: "product",
            label: x("product"),
            options: (products.data ?? []).map((p) => ({
              value: p.code,
              label: `${p.code} · ${lang === "en" && p.name_en ? p.name_en : p.name_vi}`,
            })),
          },
        ]}
      />
    </>
  );
}
