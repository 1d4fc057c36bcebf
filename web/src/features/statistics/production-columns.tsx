/** The pieces of a production figure shared by the list, the queue, the detail and the result. */
import { Link } from "react-router";
import type { Column } from "../../components/data-table.tsx";
import { SyntheticBadge } from "../../components/status.tsx";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { type Lang, useI18n } from "../../lib/i18n.tsx";
import { EnterpriseName } from "./enterprise-field.tsx";
import { formatMonth } from "./production.ts";
import type { Figure } from "./production-api.ts";
import { type ProductionText, useProductionText } from "./production-text.ts";

/**
 * A quantity in its unit, rounded for display: "1.234,57 nghìn chiếc"; a small one keeps four
 * decimals, so that 12,5 MWh sent for a product counted in million kWh still reads "0,0125 triệu kWh".
 */
export function formatAmount(quantity: number | null | undefined, unit: string, lang: Lang): string {
  if (quantity === null || quantity === undefined) return "—";
  return `${formatNumber(quantity, lang, Math.abs(quantity) < 1 ? 4 : 2)} ${unit}`;
}

/** A quantity that does not break between its number and its unit. */
export function Amount({ quantity, unit }: { quantity: number | null | undefined; unit: string }) {
  const { lang } = useI18n();
  return <span className="amount">{formatAmount(quantity, unit, lang)}</span>;
}

export function FigureStatus({ status }: { status: string }) {
  const { label } = useProductionText();
  return (
    <span className={`tag production-${status}`} data-status={status}>
      {label("status", status)}
    </span>
  );
}

export function FigureFlags({ flags }: { flags: Figure["flags"] }) {
  const { lang } = useI18n();
  if (flags.length === 0) return <>—</>;
  return (
    <ul className="flags">
      {flags.map((f) => (
        <li key={f.field}>⚠ {lang === "en" ? f.en : f.vi}</li>
      ))}
    </ul>
  );
}

export function figureLink(f: Pick<Figure, "id">): string {
  return `/thong-ke/san-luong/${f.id}`;
}

/** The columns of the list; the queue drops some and adds its own. */
export function figureColumns({ x }: ProductionText, lang: Lang): Column<Figure>[] {
  return [
    {
      key: "month",
      header: x("month"),
      sortable: true,
      render: (f) => (
        <Link to={figureLink(f)} aria-label={`${x("open")}: ${f.product_name} ${formatMonth(f.month)}`}>
          {formatMonth(f.month)}
        </Link>
      ),
    },
    {
      key: "enterprise",
      header: x("enterprise"),
      render: (f) => (
        <div className="enterprise-cell">
          <Link to={`/doanh-nghiep/${f.enterprise_tax_code}`} className="mono">
            {f.enterprise_tax_code}
          </Link>
          <div className="muted small">
            <EnterpriseName taxCode={f.enterprise_tax_code} />
          </div>
        </div>
      ),
    },
    {
      key: "product",
      header: x("product"),
      render: (f) => (
        <div className="product-cell">
          <Link to={figureLink(f)}>{f.product_name}</Link> <SyntheticBadge synthetic={f.is_synthetic} />
          <div className="muted small">
            <span className="mono">{f.product_code}</span> · VSIC {f.vsic_class}
          </div>
        </div>
      ),
    },
    {
      key: "quantity",
      header: x("quantity"),
      sortable: true,
      numeric: true,
      render: (f) => <Amount quantity={f.quantity} unit={f.unit} />,
    },
    {
      key: "status",
      header: x("status"),
      render: (f) => (
        <>
          <FigureStatus status={f.status} />
          {f.revision > 1 && (
            <div className="muted small">
              {x("revision")} {f.revision}
            </div>
          )}
        </>
      ),
    },
    { key: "flags", header: x("flags"), render: (f) => <FigureFlags flags={f.flags} /> },
    {
      key: "submitted_at",
      header: x("submittedAt"),
      sortable: true,
      render: (f) => (
        <>
          <span className="nowrap">{formatDateTime(f.submitted_at, lang)}</span>
          <div className="muted small">{f.submitted_by ?? "—"}</div>
        </>
      ),
    },
  ];
}
