import type { ReactNode } from "react";
import { Link } from "react-router";
import { useSession } from "../features/auth/api.ts";
import { useI18n } from "../lib/i18n.tsx";
import { Loading } from "./status.tsx";

/** Shows a page only to those holding the permission; others get a clear answer instead of a broken page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { lang } = useI18n();
  const session = useSession();
  if (session.isPending) return <Loading />;
  const user = session.data?.user;
  if (!user) {
    return (
      <p role="alert" className="alert">
        {lang === "vi" ? "Cần đăng nhập để xem trang này." : "Sign in to see this page."}{" "}
        <Link to="/dang-nhap">{lang === "vi" ? "Đăng nhập" : "Sign in"}</Link>
      </p>
    );
  }
  if (!(permission in user.permissions)) {
    return (
      <p role="alert" className="alert">
        {lang === "vi"
          ? "Tài khoản của bạn không có quyền xem trang này."
          : "Your account may not see this page."}
      </p>
    );
  }
  return <>{children}</>;
}

/** Whether the signed-in user holds a permission (the API checks again; this only shapes the screen). */
export function useCan(): (permission: string) => boolean {
  const session = useSession();
  const permissions = session.data?.user?.permissions ?? {};
  return (permission) => permission in permissions;
}
