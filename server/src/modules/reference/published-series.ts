/** The official series quoted by the seed article, with their sources (data/haiphong-published-figures). */
import type { Db } from "../../db/database.ts";
import { listSources } from "./reference.service.ts";
import { readCsv } from "./reference-files.ts";

export const SERIES_NAMES: Record<string, { vi: string; en: string }> = {
  iip_growth: {
    vi: "Tăng trưởng chỉ số sản xuất công nghiệp (IIP)",
    en: "Growth of the index of industrial production (IIP)",
  },
  manufacturing_share_va: {
    vi: "Tỷ trọng công nghiệp chế biến, chế tạo trong giá trị tăng thêm",
    en: "Manufacturing share of value added",
  },
  electronics_share_output: {
    vi: "Tỷ trọng điện tử trong giá trị sản xuất công nghiệp",
    en: "Electronics share of industrial production value",
  },
  ownership_share_fdi: { vi: "Khu vực có vốn đầu tư nước ngoài", en: "Foreign-invested sector" },
  ownership_share_non_state: { vi: "Khu vực ngoài nhà nước", en: "Non-state sector" },
  ownership_share_state: { vi: "Khu vực nhà nước", en: "State sector" },
  high_tech_share_manufacturing: {
    vi: "Tỷ trọng công nghệ cao trong công nghiệp chế biến, chế tạo",
    en: "High-tech share of manufacturing",
  },
};

export interface PublishedSeries {
  indicator: string;
  name_vi: string;
  name_en: string;
  unit: string;
  points: Array<{ period: string; value: number }>;
  source: {
    code: string;
    title: string;
    publisher: string | null;
    url: string | null;
    published_on: string | null;
  } | null;
}

let rows: Promise<Record<string, string>[]> | undefined;

export async function publishedSeries(db: Db): Promise<PublishedSeries[]> {
  rows ??= readCsv("haiphong-published-figures/seed-series.csv");
  const [data, sources] = await Promise.all([rows, listSources(db)]);
  const bySource = new Map(sources.map((s) => [s.code, s]));
  const groups = Map.groupBy(data, (r) => r.indicator as string);
  return [...groups].map(([indicator, points]) => {
    const source = bySource.get(points[0]?.source_code as string);
    return {
      indicator,
      name_vi: SERIES_NAMES[indicator]?.vi ?? indicator,
      name_en: SERIES_NAMES[indicator]?.en ?? indicator,
      unit: points[0]?.unit ?? "",
      points: points.map((p) => ({ period: p.period as string, value: Number(p.value) })),
      source: source
        ? {
            code: source.code,
            title: source.title,
            publisher: source.publisher,
            url: source.url,
            published_on: source.published_on,
          }
        : null,
    };
  });
}
