import { Link, useParams } from "react-router";
import { Loading } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../auth/api.ts";
import { EnterprisePage } from "../enterprises/enterprise-page.tsx";
import { EnterpriseForm } from "./enterprise-form.tsx";
import { ImportWizard } from "./import-wizard.tsx";

const owns = (bound: string[], taxCode: string) =>
  bound.some((c) => taxCode === c || taxCode.startsWith(`${c}-`));

/** A company's file in the workspace: enterprise staff may open only their own (the API enforces it too). */
export function CompanyFilePage() {
  const { taxCode = "" } = useParams();
  const { t, lang } = useI18n();
  const session = useSession();
  if (session.isPending) return <Loading />;
  const user = session.data?.user;
  if (user?.role === "enterprise" && !owns(user.tax_codes, taxCode)) {
    return (
      <p role="alert" className="alert">
        {t("workspace.forbidden")}
      </p>
    );
  }
  return (
    <>
      <EnterprisePage />
      {user && "enterprise.update" in user.permissions && <EnterpriseForm taxCode={taxCode} />}
      {user?.role === "enterprise" && "report.submit" in user.permissions && (
        <section aria-labelledby="investment-reports">
          <h2 id="investment-reports">{lang === "vi" ? "Báo cáo đầu tư" : "Investment reports"}</h2>
          <nav className="tools" aria-labelledby="investment-reports">
            <Link to="/dau-tu/bao-cao/nop">
              {lang === "vi" ? "Nộp báo cáo quý, năm" : "Submit a quarterly or annual report"}
            </Link>
            <Link to="/dau-tu/bao-cao">{lang === "vi" ? "Báo cáo đã nộp" : "Submitted reports"}</Link>
            <Link to="/dau-tu/giam-sat">{lang === "vi" ? "Tiến độ dự án" : "Project schedules"}</Link>
          </nav>
          {"import.create" in user.permissions && <ImportWizard kinds={["investor_reports"]} />}
        </section>
      )}
    </>
  );
}
