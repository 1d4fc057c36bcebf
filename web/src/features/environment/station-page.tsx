import { lazy, Suspense, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import type { ChartOption } from "../../components/chart.tsx";
import { LoadError, Loading, SyntheticBadge } from "../../components/status.tsx";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../auth/api.ts";
import { useHealth, useIssueCredentials, useRejections, useSeries, useStation } from "./api.ts";
import { AqiBadge } from "./aqi-badge.tsx";
import { EnvironmentNav } from "./environment-nav.tsx";

const Chart = lazy(() => import("../../components/chart.tsx"));
const RESOLUTIONS = ["raw", "1h", "8h", "24h"] as const;
type Resolution = (typeof RESOLUTIONS)[number];

export function StationPage() {
  const { code = "" } = useParams();
  const { t, lang } = useI18n();
  const station = useStation(code);
  const session = useSession();
  const [parameter, setParameter] = useState("");
  const [resolution, setResolution] = useState<Resolution>("1h");
  const chosen = parameter || station.data?.parameters[0]?.parameter || "";
  const days = resolution === "24h" ? 14 : resolution === "8h" || resolution === "1h" ? 3 : 1;
  const from = useMemo(() => new Date(Date.now() - days * 86_400_000).toISOString(), [days]);
  const series = useSeries(code, { parameter: chosen, resolution, from });
  const health = useHealth(code);
  const mayReadRejections = Boolean(
    session.data?.user && "station.read_restricted" in session.data.user.permissions,
  );
  const rejections = useRejections(code, mayReadRejections);
  const mayManage = Boolean(session.data?.user && "station.manage" in session.data.user.permissions);
  const credentials = useIssueCredentials(code);
  if (station.error) return <LoadError error={station.error} />;
  if (!station.data) return <Loading />;
  const s = station.data;
  const data = series.data;
  const title = `${chosen} — ${t(`env.res.${resolution}` as "env.res.1h")}`;
  const option: ChartOption | null = data
    ? {
        tooltip: { trigger: "axis" },
        grid: { left: 56, right: 24, top: 24, bottom: 40 },
        xAxis: { type: "time" },
        // The limit line stays in view even when every value is far below it.
        yAxis: {
          type: "value",
          name: data.unit,
          max: data.limit
            ? (v: { max: number }) => Math.ceil(Math.max(v.max, data.limit?.value ?? 0) * 1.1)
            : undefined,
        },
        series: [
          {
            type: "line",
            name: chosen,
            showSymbol: resolution !== "raw",
            data: data.points.map((p) => [p[0], p[1]]),
            markLine: data.limit
              ? {
                  symbol: "none",
                  lineStyle: { color: "#c62828", type: "dashed" },
                  label: {
                    formatter: `${t("env.limit")} ${formatNumber(data.limit.value, lang, 2)} (${data.limit.table})`,
                  },
                  data: [{ yAxis: data.limit.value }],
                }
              : undefined,
          },
        ],
      }
    : null;
  return (
    <>
      <p>
        <Link to="/moi-truong">← {t("env.stations")}</Link>
      </p>
      <h1>
        {s.code} · {lang === "en" && s.name_en ? s.name_en : s.name_vi}{" "}
        <SyntheticBadge synthetic={s.is_synthetic} />
      </h1>
      <EnvironmentNav />
      <dl className="facts">
        <dt>{t("env.kind")}</dt>
        <dd>{t(`env.kind.${s.kind}` as "env.kind.wastewater")}</dd>
        <dt>{t("env.zone")}</dt>
        <dd>{s.zone_code ? <Link to={`/khu/${s.zone_code}`}>{s.zone_name ?? s.zone_code}</Link> : "—"}</dd>
        <dt>{t("env.owner")}</dt>
        <dd>
          {s.enterprise_tax_code ? (
            <Link to={`/doanh-nghiep/${s.enterprise_tax_code}`}>{s.enterprise_name}</Link>
          ) : (
            t("env.zoneOwned")
          )}
        </dd>
        <dt>{t("env.permit")}</dt>
        <dd>
          {s.limit_table ?? "—"}
          {s.limit_column ? `, cột ${s.limit_column}` : ""}
          {Object.entries(s.coefficients).map(([k, v]) => `, ${k} = ${formatNumber(v as number, lang, 2)}`)}
        </dd>
        <dt>{t("env.lastReading")}</dt>
        <dd>
          {formatDateTime(s.last_reading_at, lang)}{" "}
          {s.silent && <strong className="warn">{t("env.silent")}</strong>}
        </dd>
        {s.kind === "ambient_air" && (
          <>
            <dt>VN_AQI</dt>
            <dd>
              <AqiBadge aqi={s.aqi} />{" "}
              {s.aqi && <span className="muted">({formatDateTime(s.aqi.hour, lang)})</span>}
            </dd>
          </>
        )}
      </dl>
      {mayManage && (
        <section>
          <button type="button" onClick={() => credentials.mutate()} disabled={credentials.isPending}>
            {t("env.credentials")}
          </button>
          {credentials.data && (
            <dl className="facts" data-testid="credentials">
              <dt>{t("env.username")}</dt>
              <dd className="mono">{credentials.data.username}</dd>
              <dt>{t("env.password")}</dt>
              <dd className="mono">{credentials.data.password}</dd>
              <dt>{t("env.topic")}</dt>
              <dd className="mono">{credentials.data.topic}</dd>
            </dl>
          )}
          {credentials.data && <p className="muted">{t("env.credentialsOnce")}</p>}
        </section>
      )}
      <section>
        <div className="toolbar">
          <label>
            {t("env.parameter")}{" "}
            <select value={chosen} onChange={(e) => setParameter(e.target.value)}>
              {s.parameters.map((p) => (
                <option key={p.parameter} value={p.parameter}>
                  {p.parameter} ({p.unit})
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            {t("env.resolution")}{" "}
            <select value={resolution} onChange={(e) => setResolution(e.target.value as Resolution)}>
              {RESOLUTIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`env.res.${r}` as "env.res.1h")}
                </option>
              ))}
            </select>
          </label>
        </div>
        {series.error && <LoadError error={series.error} />}
        {data?.limit && !data.limit.verified && (
          <p className="warn">
            {t("env.limit")}: {t("env.unverified")}
          </p>
        )}
        {option && data && data.points.length > 0 ? (
          <Suspense fallback={<Loading />}>
            <Chart option={option} label={title} height={320} />
          </Suspense>
        ) : (
          <p className="muted">{series.isFetching ? t("app.loading") : t("env.noData")}</p>
        )}
      </section>
      <section>
        <h2>{t("env.health")}</h2>
        {health.data && (
          <table>
            <caption className="visually-hidden">{t("env.health")}</caption>
            <thead>
              <tr>
                <th>{t("env.date")}</th>
                <th>{t("env.parameter")}</th>
                <th className="num">{t("env.expected")}</th>
                <th className="num">{t("env.received")}</th>
                <th className="num">{t("env.completeness")}</th>
              </tr>
            </thead>
            <tbody>
              {health.data.days.map((d) => (
                <tr key={`${d.date}-${d.parameter}`}>
                  <td>{formatDate(d.date, lang)}</td>
                  <td>{d.parameter}</td>
                  <td className="num">{formatNumber(d.expected, lang, 0)}</td>
                  <td className="num">{formatNumber(d.received, lang, 0)}</td>
                  <td className="num">{formatPercent(d.completeness, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {mayReadRejections && rejections.data && (
        <section>
          <h2>{t("env.rejections")}</h2>
          {rejections.data.items.length === 0 ? (
            <p className="muted">—</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t("env.receivedAt")}</th>
                  <th>{t("env.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {rejections.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.received_at, lang)}</td>
                    <td>
                      {r.detail}
                      {r.excerpt && <div className="muted mono">{r.excerpt}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
