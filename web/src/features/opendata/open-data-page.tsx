import { useI18n } from "../../lib/i18n.tsx";

const DATASETS = [
  {
    vi: "Khu kinh tế, khu và cụm công nghiệp",
    en: "Economic zones, industrial zones and clusters",
    path: "/api/v1/zones/export",
    geo: true,
  },
  {
    vi: "Doanh nghiệp (trường công khai)",
    en: "Enterprises (public fields)",
    path: "/api/v1/enterprises/export",
    geo: true,
  },
  { vi: "Dự án đầu tư", en: "Investment projects", path: "/api/v1/projects/export", geo: true },
  {
    vi: "Đơn vị hành chính (sau 01/7/2025)",
    en: "Administrative units (from 1 July 2025)",
    path: "/api/v1/reference/units/export",
    geo: false,
  },
  {
    vi: "Hệ thống ngành kinh tế VSIC 2025 (B–E)",
    en: "VSIC 2025 classification (B–E)",
    path: "/api/v1/reference/vsic/export",
    geo: false,
  },
];

export function OpenDataPage() {
  const { t, lang } = useI18n();
  return (
    <>
      <h1>{t("openData.title")}</h1>
      <p>{t("openData.intro")}</p>
      <table>
        <caption className="visually-hidden">{t("openData.title")}</caption>
        <tbody>
          {DATASETS.map((d) => (
            <tr key={d.path}>
              <th scope="row">{lang === "vi" ? d.vi : d.en}</th>
              <td>
                <a href={`${d.path}?format=csv&lang=${lang}`}>CSV</a> ·{" "}
                <a href={`${d.path}?format=xlsx&lang=${lang}`}>XLSX</a>
                {d.geo && (
                  <>
                    {" "}
                    · <a href={`${d.path}?format=geojson&lang=${lang}`}>GeoJSON</a>
                  </>
                )}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              {lang === "vi" ? "Ranh giới xã, phường Hải Phòng" : "Boundaries of Hải Phòng's communes"}
            </th>
            <td>
              <a href="/api/v1/reference/units/geojson">GeoJSON</a>
            </td>
          </tr>
          <tr>
            <th scope="row">OpenAPI</th>
            <td>
              <a href="/api/openapi.json">JSON</a> ·{" "}
              <a href="/api/docs">{lang === "vi" ? "Tài liệu" : "Docs"}</a>
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
