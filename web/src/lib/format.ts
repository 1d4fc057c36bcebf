/** Numbers, money and dates: vi-VN (1.234,5 · 21/11/2026 · tỷ đồng / triệu USD) or en-GB. */
import type { Lang } from "./i18n.tsx";

const locale = (lang: Lang) => (lang === "vi" ? "vi-VN" : "en-GB");

export function formatNumber(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(share: number | null | undefined, lang: Lang): string {
  return share === null || share === undefined ? "—" : `${formatNumber(share * 100, lang)}%`;
}

/** USD in millions or billions: "20,8 tỷ USD", "250 triệu USD" / "USD 20.8 bn". */
export function formatUsd(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "—";
  const bn = value >= 1e9;
  const n = formatNumber(value / (bn ? 1e9 : 1e6), lang);
  return lang === "vi" ? `${n} ${bn ? "tỷ" : "triệu"} USD` : `USD ${n} ${bn ? "bn" : "m"}`;
}

/** VND in billions: "294.722 tỷ đồng" / "VND 294,722 bn". */
export function formatVnd(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "—";
  const n = formatNumber(value / 1e9, lang);
  return lang === "vi" ? `${n} tỷ đồng` : `VND ${n} bn`;
}

export function formatMoney(value: number | null | undefined, currency: string, lang: Lang): string {
  return currency === "USD" ? formatUsd(value, lang) : formatVnd(value, lang);
}

/** An ISO date (yyyy-mm-dd or a timestamp) as 21/11/2026. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Intl.DateTimeFormat(locale(lang), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: iso.length === 10 ? "UTC" : "Asia/Ho_Chi_Minh",
  }).format(d);
}

/** A timestamp as 21/11/2026 14:05, in Vietnam time. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale(lang), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(iso));
}

export function formatArea(ha: number | null | undefined, lang: Lang): string {
  return ha === null || ha === undefined ? "—" : `${formatNumber(ha, lang)} ha`;
}

/**
 * A number as typed on a form: "40.000.000", "12,5" (vi-VN) or "40,000,000", "12.5" (en-GB).
 * In Vietnamese a lone dot followed by other than three digits ("12.5") is taken as a decimal point.
 * Empty text gives undefined; text that is not a number gives NaN.
 */
export function parseNumber(text: string, lang: Lang): number | undefined {
  const s = text.trim().replace(/\s/g, "");
  if (s === "") return undefined;
  let normal: string;
  if (lang === "vi") {
    const thousandsDots = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || s.includes(",");
    normal = thousandsDots ? s.replace(/\./g, "").replace(",", ".") : s;
  } else {
    normal = s.replace(/,/g, "");
  }
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}
