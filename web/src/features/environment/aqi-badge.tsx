/** A VN_AQI value with its category in words, on the category's colour (never colour alone). */
import { useI18n } from "../../lib/i18n.tsx";

export interface AqiNow {
  aqi: number;
  category_vi: string;
  category_en: string;
  colour: string;
}

/** Text colour readable on each category colour (yellow and green want dark text). */
const DARK_TEXT = new Set(["#00E400", "#FFFF00", "#FF7E00"]);

export function AqiBadge({ aqi }: { aqi: AqiNow | null | undefined }) {
  const { t, lang } = useI18n();
  if (!aqi) return <span className="muted">{t("env.noAqi")}</span>;
  return (
    <span
      className="aqi-badge"
      style={{ background: aqi.colour, color: DARK_TEXT.has(aqi.colour) ? "#1a1a1a" : "#ffffff" }}
    >
      {aqi.aqi} · {lang === "en" ? aqi.category_en : aqi.category_vi}
    </span>
  );
}

export const AQI_CATEGORIES = [
  { max: 50, vi: "Tốt", en: "Good", colour: "#00E400" },
  { max: 100, vi: "Trung bình", en: "Moderate", colour: "#FFFF00" },
  { max: 150, vi: "Kém", en: "Poor", colour: "#FF7E00" },
  { max: 200, vi: "Xấu", en: "Bad", colour: "#FF0000" },
  { max: 300, vi: "Rất xấu", en: "Very bad", colour: "#8F3F97" },
  { max: 500, vi: "Nguy hại", en: "Hazardous", colour: "#7E0023" },
] as const;
