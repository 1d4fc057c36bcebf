/**
 * /thong-ke/san-luong: the monthly production figures (an enterprise sees its own): search, filters by
 * month, enterprise, product, VSIC class and status, sorting, paging, CSV and XLSX. A row opens the
 * figure with its revision history.
 */
import { type FormEvent, useEffect, useState } from "react";
import { DataTable, useListParams } from "../../components/data-table.tsx";
import { LoadError } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../auth/api.ts";
import { endedMonths, formatMonth } from "./production.ts";
import {
  PRODUCTION_STATUSES,
  type Product,
  type ProductionQuery,
  useEnterpriseSuggestions,
  useProduction,
  useProducts,
} from "./production-api.ts";
import { figureColumns } from "./production-columns.tsx";
import { ProductionNav } from "./production-nav.tsx";
import { useProductionText } from "./production-text.ts";
import { StatisticsNav } from "./statistics-nav.tsx";

/** Ten years of months as filter options, newest first. */
const MONTH_OPTIONS = endedMonths(120).map((m) => ({ value: m, label: formatMonth(m) }));

/** The VSIC classes of the product list, each with its products' names. */
function classOptions(products: Product[], lang: string) {
  const byClass = new Map<string, string[]>();
  for (const p of products)
    byClass.set(p.vsic_class, [
      ...(byClass.get(p.vsic_class) ?? []),
      lang === "en" && p.name_en ? p.name_en : p.name_vi,
    ]);
  return [...byClass.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, names]) => ({ value: code, label: `${code} — ${names.join(", ")}` }));
}

/** An enterprise's tax code, typed or picked from the names that match; applied on submit. */
function EnterpriseFilter({ value, onApply }: { value: string; onApply: (taxCode: string) => void }) {
  const { x } = useProductionText();
  const [typed, setTyped] = useState(value);
  useEffect(() => setTyped(value), [value]);
  const suggestions = useEnterpriseSuggestions(typed === value ? "" : typed);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(typed.trim());
  };
  return (
    <form className="toolbar text-filter" onSubmit={submit}>
      <label>
        <span>{x("enterpriseFilter")}</span>
        <input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          list="production-filter-enterprises"
          placeholder={x("taxCodeHint")}
          autoComplete="off"
        />
      </label>
      <datalist id="production-filter-enterprises">
        {suggestions.data?.map((e) => (
          <option key={e.tax_code} value={e.tax_code}>
            {e.name_vi}
          </option>
        ))}
      </datalist>
      <button type="submit">{x("apply")}</button>
      {value && (
        <button type="button" onClick={() => onApply("")}>
          {x("clear")}
        </button>
      )}
    </form>
  );
}

export function ProductionPage() {
  const { lang } = useI18n();
  const text = useProductionText();
  const { x, label } = text;
  const session = useSession();
  const ownOnly = session.data?.user?.role === "enterprise";
  const products = useProducts();
  const [params, update] = useListParams(["enterprise", "product", "vsic", "status", "from", "to"], "-month");
  const list = useProduction(params as ProductionQuery);
  return (
    <>
      <h1>{x("reports")}</h1>
      <StatisticsNav />
      <ProductionNav />
      <p className="muted">{x("rounded")}</p>
      {!ownOnly && (
        <EnterpriseFilter
          value={String(params.enterprise ?? "")}
          onApply={(enterprise) => update({ enterprise })}
        />
      )}
      {list.error && <LoadError error={list.error} />}
      <DataTable
        caption={x("reports")}
        columns={figureColumns(text, lang).filter((c) => !(ownOnly && c.key === "enterprise"))}
        rows={list.data?.items}
        total={list.data?.total}
        params={params}
        onChange={update}
        rowKey={(f) => String(f.id)}
        busy={list.isFetching}
        exportBase="/api/v1/statistics/production/export"
        exportFormats={["csv", "xlsx"]}
        filters={[
          { name: "from", label: x("from"), options: MONTH_OPTIONS },
          { name: "to", label: x("to"), options: MONTH_OPTIONS },
          {
            name: "status",
            label: x("status"),
            options: PRODUCTION_STATUSES.map((s) => ({ value: s, label: label("status", s) })),
          },
          {
            name: "product",
            label: x("product"),
            options: (products.data ?? []).map((p) => ({
              value: p.code,
              label: `${p.code} · ${lang === "en" && p.name_en ? p.name_en : p.name_vi}`,
            })),
          },
          { name: "vsic", label: x("vsic"), options: classOptions(products.data ?? [], lang) },
        ]}
      />
    </>
  );
}
