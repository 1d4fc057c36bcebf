/**
 * A list screen's table: accent-insensitive search, filters, sortable headers, paging and export,
 * all kept in the URL so that a view can be bookmarked and shared.
 */
import { type ReactNode, useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { formatNumber } from "../lib/format.ts";
import { useI18n } from "../lib/i18n.tsx";

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  sortable?: boolean;
  numeric?: boolean;
}

export interface Filter {
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
}

export interface ListParams {
  q?: string;
  sort?: string;
  page: number;
  page_size: number;
  [filter: string]: string | number | undefined;
}

export const PAGE_SIZE = 25;

/** The list's parameters as the URL holds them. */
export function useListParams(
  filters: readonly string[],
  fallbackSort: string,
): [ListParams, (next: Partial<ListParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params: ListParams = {
    page: Number(search.get("page") ?? 1) || 1,
    page_size: PAGE_SIZE,
    sort: search.get("sort") ?? fallbackSort,
  };
  const q = search.get("q");
  if (q) params.q = q;
  for (const f of filters) {
    const v = search.get(f);
    if (v) params[f] = v;
  }
  const update = (next: Partial<ListParams>) => {
    const merged = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === "") merged.delete(k);
      else merged.set(k, String(v));
    }
    if (!("page" in next)) merged.delete("page");
    setSearch(merged, { replace: true });
  };
  return [params, update];
}

export function exportUrl(base: string, params: ListParams, format: string, lang: string): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && k !== "page" && k !== "page_size") query.set(k, String(v));
  }
  query.set("format", format);
  // Column headers in the language of the screen, whatever the browser sends.
  query.set("lang", lang);
  return `${base}?${query}`;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  total: number | undefined;
  params: ListParams;
  onChange: (next: Partial<ListParams>) => void;
  filters?: Filter[];
  exportBase?: string;
  exportFormats?: string[];
  rowKey: (row: T) => string;
  busy?: boolean;
  /** False for a table with nothing to search in (a monthly series): no search field. */
  search?: boolean;
}

/** The search field waits for a pause in typing before it asks the server (one query, not one per key). */
function SearchBox(props: { initial: string; label: string; hint: string; onSearch: (q: string) => void }) {
  const [value, setValue] = useState(props.initial);
  const { onSearch, initial } = props;
  useEffect(() => {
    if (value === initial) return;
    const timer = setTimeout(() => onSearch(value), 250);
    return () => clearTimeout(timer);
  }, [value, initial, onSearch]);
  return (
    <label>
      <span>{props.label}</span>
      <input
        type="search"
        value={value}
        placeholder={props.hint}
        onChange={(e) => setValue(e.target.value)}
      />
    </label>
  );
}

export function DataTable<T>(props: Props<T>) {
  const { t, lang } = useI18n();
  const { params, onChange, columns } = props;
  const pages = props.total === undefined ? 1 : Math.max(1, Math.ceil(props.total / params.page_size));
  const sortField = params.sort?.replace(/^-/, "");
  const descending = params.sort?.startsWith("-");
  return (
    <section className="data-table" aria-busy={props.busy}>
      <search className="toolbar">
        {props.search !== false && (
          <SearchBox
            initial={params.q ?? ""}
            label={t("table.search")}
            hint={t("table.searchHint")}
            onSearch={(q) => onChange({ q })}
          />
        )}
        {props.filters?.map((f) => (
          <label key={f.name}>
            <span>{f.label}</span>
            <select
              value={String(params[f.name] ?? "")}
              onChange={(e) => onChange({ [f.name]: e.target.value })}
            >
              <option value="">{t("table.all")}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        {props.exportBase && (
          <span className="exports">
            {t("table.export")}:{" "}
            {(props.exportFormats ?? ["csv", "xlsx"]).map((f) => (
              <a
                key={f}
                className="export-link"
                href={exportUrl(props.exportBase as string, params, f, lang)}
                download
              >
                {f.toUpperCase()}
              </a>
            ))}
          </span>
        )}
      </search>
      <p className="muted" aria-live="polite">
        {props.total === undefined
          ? t("app.loading")
          : `${formatNumber(props.total, lang)} ${t("table.rows")}`}
      </p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? "num" : undefined}
                  aria-sort={sortField === c.key ? (descending ? "descending" : "ascending") : undefined}
                >
                  {c.sortable ? (
                    <button
                      type="button"
                      className="sort"
                      title={`${t("table.sortBy")} ${c.header}`}
                      onClick={() =>
                        onChange({ sort: sortField === c.key && !descending ? `-${c.key}` : c.key })
                      }
                    >
                      {c.header}
                      {sortField === c.key ? (descending ? " ▼" : " ▲") : ""}
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows?.length === 0 && (
              <tr>
                <td colSpan={columns.length}>{t("table.empty")}</td>
              </tr>
            )}
            {props.rows?.map((row) => (
              <tr key={props.rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? "num" : undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t("table.page")}>
        <button type="button" disabled={params.page <= 1} onClick={() => onChange({ page: params.page - 1 })}>
          {t("table.previous")}
        </button>
        <span>
          {t("table.page")} {formatNumber(params.page, lang)} / {formatNumber(pages, lang)}
        </span>
        <button
          type="button"
          disabled={params.page >= pages}
          onClick={() => onChange({ page: params.page + 1 })}
        >
          {t("table.next")}
        </button>
      </nav>
    </section>
  );
}
