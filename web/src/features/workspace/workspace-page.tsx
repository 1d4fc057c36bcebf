import { Link, Navigate } from "react-router";
import { Loading } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../auth/api.ts";
import { useZones } from "../zones/api.ts";
import { ImportWizard } from "./import-wizard.tsx";
import { NewProjectForm } from "./new-project-form.tsx";

/** After sign-in: enterprise staff land on their company's file; officials get their tools. */
export function WorkspacePage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const zones = useZones({ page_size: 500, sort: "code" });
  if (session.isPending) return <Loading />;
  const user = session.data?.user;
  if (!user) return <Navigate to="/dang-nhap" replace />;
  if (user.role === "enterprise" && user.tax_codes[0])
    return <Navigate to={`/lam-viec/doanh-nghiep/${user.tax_codes[0]}`} replace />;
  const canCreate = "project.create" in user.permissions;
  const option = (z: { code: string; name_vi: string; name_en: string | null }) => ({
    code: z.code,
    name: lang === "en" && z.name_en ? z.name_en : z.name_vi,
  });
  const mine =
    user.role === "zone_officer"
      ? (zones.data?.items ?? [])
          .filter(
            (z) =>
              user.zone_codes.includes(z.code) || (z.parent_code && user.zone_codes.includes(z.parent_code)),
          )
          .map(option)
      : (zones.data?.items ?? []).map(option);
  return (
    <>
      <h1>{t("workspace.title")}</h1>
      <p>
        {t("workspace.hello")}, <strong>{user.display_name}</strong> · {t("workspace.role")}:{" "}
        {t(`role.${user.role}`)}
        {user.zone_codes.length > 0 && (
          <>
            {" "}
            · {t("workspace.scope")}: {user.zone_codes.join(", ")}
          </>
        )}
      </p>
      <nav aria-label={t("workspace.title")} className="tools">
        {"user.read" in user.permissions && (
          <Link to="/lam-viec/nguoi-dung">{lang === "vi" ? "Người dùng" : "Users"}</Link>
        )}
        {"audit.read" in user.permissions && (
          <Link to="/lam-viec/nhat-ky">{lang === "vi" ? "Nhật ký kiểm toán" : "Audit log"}</Link>
        )}
        <Link to="/lam-viec/khoa-api">{lang === "vi" ? "Khoá API" : "API tokens"}</Link>
        <Link to="/khu">{t("nav.zones")}</Link>
        {"report.read" in user.permissions && (
          <Link to="/dau-tu/bao-cao">{lang === "vi" ? "Báo cáo nhà đầu tư" : "Investor reports"}</Link>
        )}
        {"report.submit" in user.permissions && (
          <Link to="/dau-tu/bao-cao/nop">
            {lang === "vi" ? "Nộp báo cáo đầu tư" : "Submit an investment report"}
          </Link>
        )}
        {"supervision.read" in user.permissions && (
          <Link to="/dau-tu/giam-sat">
            {lang === "vi" ? "Giám sát tiến độ dự án" : "Project schedule supervision"}
          </Link>
        )}
        <Link to="/doanh-nghiep">{t("nav.enterprises")}</Link>
      </nav>
      {canCreate && <NewProjectForm zones={mine} />}
      {"import.create" in user.permissions && <ImportWizard />}
    </>
  );
}
