import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { formatNumber, formatPercent, formatUsd, formatVnd } from "./format.ts";

interface Summary {
  zones: { kkt: number; kcn: number; ccn: number; total_area_ha: number; occupancy: number | null };
  enterprises: { total: number; foreign: number; workers: number };
  projects: {
    foreign: { projects: number; registered_usd: number; share_purchase_usd: number };
    domestic: { projects: number; by_currency: Array<{ currency: string; registered: number }> };
  };
}

function useSummary(): { data: Summary | null; error: string | null } {
  const [data, setData] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch("/api/v1/summary")
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setData, (e: Error) => setError(e.message));
  }, []);
  return { data, error };
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div style={{ border: "1px solid #d0d7de", borderRadius: 8, padding: "12px 16px", minWidth: 180 }}>
      <div style={{ fontSize: 13, color: "#57606a" }}>{label}</div>
      <div style={{ fontSize: 22, fontWeight: 600 }}>{value}</div>
    </div>
  );
}

function App() {
  const { data, error } = useSummary();
  const domesticVnd = data?.projects.domestic.by_currency.find((c) => c.currency === "VND")?.registered ?? 0;
  return (
    <main
      style={{ fontFamily: "system-ui, sans-serif", maxWidth: 960, margin: "32px auto", padding: "0 16px" }}
    >
      <h1 style={{ marginBottom: 4 }}>Hải Phòng Industry</h1>
      <p style={{ marginTop: 0, color: "#57606a" }}>
        Cơ sở dữ liệu phục vụ quản lý nhà nước về công nghiệp thành phố Hải Phòng · Industrial
        state-management database
      </p>
      <p style={{ background: "#fff8c5", padding: "8px 12px", borderRadius: 6 }}>
        Bản thử nghiệm: phần lớn số liệu là <strong>dữ liệu mô phỏng</strong>, hiệu chỉnh theo số liệu công
        bố. / Most figures are synthetic demo data.
      </p>
      {error && <p role="alert">Không tải được số liệu / could not load: {error}</p>}
      {data && (
        <section style={{ display: "flex", flexWrap: "wrap", gap: 12 }}>
          <Figure label="Khu công nghiệp (KCN)" value={formatNumber(data.zones.kcn)} />
          <Figure label="Cụm công nghiệp (CCN)" value={formatNumber(data.zones.ccn)} />
          <Figure label="Tổng diện tích KCN, CCN" value={`${formatNumber(data.zones.total_area_ha)} ha`} />
          <Figure label="Tỷ lệ lấp đầy" value={formatPercent(data.zones.occupancy)} />
          <Figure label="Doanh nghiệp" value={formatNumber(data.enterprises.total)} />
          <Figure label="Lao động" value={formatNumber(data.enterprises.workers)} />
          <Figure
            label="Dự án FDI"
            value={`${formatNumber(data.projects.foreign.projects)} · ${formatUsd(data.projects.foreign.registered_usd)}`}
          />
          <Figure
            label="Dự án trong nước"
            value={`${formatNumber(data.projects.domestic.projects)} · ${formatVnd(domesticVnd)}`}
          />
        </section>
      )}
      <p style={{ marginTop: 24 }}>
        <a href="/api/docs">Tài liệu API / API documentation</a> · <a href="/api/openapi.json">OpenAPI</a>
      </p>
    </main>
  );
}

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
