import { useParams } from "react-router";
import { Loading } from "../../components/status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../auth/api.ts";
import { EnterprisePage } from "../enterprises/enterprise-page.tsx";
import { EnterpriseForm } from "./enterprise-form.tsx";

const owns = (bound: string[], taxCode: string) =>
  bound.some((c) => taxCode === c || taxCode.startsWith(`${c}-`));

/** A company's file in the workspace: enterprise staff may open only their own (the API enforces it too). */
export function CompanyFilePage() {
  const { taxCode = "" } = useParams();
  const { t } = useI18n();
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
    </>
  );
}
