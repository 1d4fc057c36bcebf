import { lazy, Suspense, useMemo } from "react";
import { Link } from "react-router";
import { Figure, LoadError, Loading } from "../../components/status.tsx";
import { formatArea, formatNumber, formatPercent, formatUsd, formatVnd } from "../../lib/format.ts";
import { type Lang, useI18n } from "../../lib/i18n.tsx";
import { useCitySummary, usePublishedSeries } from "./api.ts";

const Chart = lazy(() => import("../../components/chart.tsx"));

type Series = NonNullable<ReturnType<typeof usePublishedSeries>["data"]>[number];

function seriesOption(series: Series[], lang: Lang, kind: "bar" | "line") {
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  return {
    tooltip: { trigger: "axis", valueFormatter: (v: number) => `${formatNumber(v, lang, 2)}%` },
    legend: series.length > 1 ? { bottom: 0 } : undefined,
    grid: { left: 40, right: 16, top: 16, bottom: series.length > 1 ? 72 : 24 },
    xAxis: { type: "category", data: periods },
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => `${formatNumber(v, lang)}%` } },
    series: series.map((s) => ({
      name: lang === "vi" ? s.name_vi : s.name_en,
      type: kind,
      stack: kind === "bar" && series.length > 1 ? "share" : undefined,
      data: periods.map((p) => s.points.find((x) => x.period === p)?.value ?? null),
      label:
        series.length === 1
          ? {
              show: true,
              position: "top",
              formatter: ({ value }: { value: number }) => formatNumber(value, lang, 2),
            }
          : undefined,
    })),
  };
}

function SeriesCard({ title, series, kind }: { title: string; series: Series[]; kind: "bar" | "line" }) {
  const { t, lang } = useI18n();
  const option = useMemo(() => seriesOption(series, lang, kind), [series, lang, kind]);
  const source = series[0]?.source;
  return (
    <figure className="card">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <Suspense fallback={<div style={{ height: 260 }} />}>
        <Chart option={option} label={title} />
      </Suspense>
      {source && (
        <p className="source">
          {t("app.source")}: {source.publisher}, “{source.title}”
          {source.published_on ? ` (${source.published_on.slice(0, 4)})` : ""}
        </p>
      )}
    </figure>
  );
}

export function HomePage() {
  const { t, lang } = useI18n();
  const summary = useCitySummary();
  const series = usePublishedSeries();
  const by = (code: string) => series.data?.filter((s) => s.indicator === code) ?? [];
  const s = summary.data;
  const domesticVnd = s?.projects.domestic.by_currency.find((c) => c.currency === "VND")?.registered ?? 0;
  return (
    <>
      <h1>{t("home.title")}</h1>
      {summary.isPending && <Loading />}
      {summary.error && <LoadError error={summary.error} />}
      {s && (
        <section className="figures" aria-label={t("home.title")}>
          <Figure label={t("home.kcn")} value={formatNumber(s.zones.kcn, lang)} />
          <Figure label={t("home.ccn")} value={formatNumber(s.zones.ccn, lang)} />
          <Figure label={t("home.area")} value={formatArea(s.zones.total_area_ha, lang)} />
          <Figure label={t("home.leased")} value={formatArea(s.zones.leased_land_ha, lang)} />
          <Figure label={t("home.occupancy")} value={formatPercent(s.zones.occupancy, lang)} />
          <Figure label={t("home.enterprises")} value={formatNumber(s.enterprises.total, lang)} />
          <Figure label={t("home.workers")} value={formatNumber(s.enterprises.workers, lang)} />
          <Figure
            label={t("home.fdi")}
            value={formatNumber(s.projects.foreign.projects, lang)}
            note={formatUsd(s.projects.foreign.registered_usd, lang)}
          />
          <Figure
            label={t("home.domestic")}
            value={formatNumber(s.projects.domestic.projects, lang)}
            note={formatVnd(domesticVnd, lang)}
          />
        </section>
      )}
      <p>
        <Link to="/ban-do">{t("nav.map")} →</Link> · <Link to="/khu">{t("nav.zones")} →</Link>
      </p>
      <h2>{t("home.series")}</h2>
      {series.error && <LoadError error={series.error} />}
      {series.data && (
        <div className="cards">
          <SeriesCard
            title={
              lang === "vi" ? (by("iip_growth")[0]?.name_vi ?? "") : (by("iip_growth")[0]?.name_en ?? "")
            }
            series={by("iip_growth")}
            kind="bar"
          />
          <SeriesCard
            title={t("home.ownership")}
            series={series.data.filter((x) => x.indicator.startsWith("ownership_share_"))}
            kind="bar"
          />
          <SeriesCard
            title={
              lang === "vi"
                ? (by("manufacturing_share_va")[0]?.name_vi ?? "")
                : (by("manufacturing_share_va")[0]?.name_en ?? "")
            }
            series={by("manufacturing_share_va")}
            kind="line"
          />
          <SeriesCard
            title={
              lang === "vi"
                ? (by("electronics_share_output")[0]?.name_vi ?? "")
                : (by("electronics_share_output")[0]?.name_en ?? "")
            }
            series={by("electronics_share_output")}
            kind="line"
          />
        </div>
      )}
    </>
  );
}
