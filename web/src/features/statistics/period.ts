/**
 * A statistical period as read aloud: "2024", "Quý 1/2024", "Tháng 3/2024", "6 tháng 2024"
 * (January to June), "Tháng 4–6/2024", "01/01–26/04/2025"; in English "Q1 2024", "6 months of 2024" …
 * The API's period texts are those of server/src/modules/statistics/progress.ts; anything else is shown as is.
 */
import type { Lang } from "../../lib/i18n.tsx";

const monthName = (m: number, lang: Lang) =>
  lang === "vi"
    ? `Tháng ${m}`
    : new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, m - 1, 1));

export function formatPeriod(period: string | null | undefined, lang: Lang): string {
  if (!period) return "—";
  let m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return lang === "vi" ? `Quý ${m[2]}/${m[1]}` : `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m)
    return lang === "vi"
      ? `${monthName(Number(m[2]), lang)}/${m[1]}`
      : `${monthName(Number(m[2]), lang)} ${m[1]}`;
  m = /^(\d{4})-(\d{2})\.\.(\d{2})$/.exec(period);
  if (m) {
    const [from, to] = [Number(m[2]), Number(m[3])];
    if (from === 1) return lang === "vi" ? `${to} tháng ${m[1]}` : `${to} months of ${m[1]}`;
    return lang === "vi" ? `Tháng ${from}–${to}/${m[1]}` : `Months ${from}–${to} of ${m[1]}`;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})\.\.(\d{2})-(\d{2})$/.exec(period);
  if (m) return `${m[3]}/${m[2]}–${m[5]}/${m[4]}/${m[1]}`;
  return period;
}
