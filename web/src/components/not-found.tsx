import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { useI18n } from "../lib/i18n.tsx";

/** Unknown paths and unexpected errors, inside the site's frame and in the reader's language. */
export function NotFound() {
  const { lang } = useI18n();
  const error = useRouteError();
  const missing = !error || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <section>
      <h1>
        {missing
          ? lang === "vi"
            ? "Không tìm thấy trang"
            : "Page not found"
          : lang === "vi"
            ? "Đã xảy ra lỗi"
            : "Something went wrong"}
      </h1>
      <p>
        <Link to="/">{lang === "vi" ? "Về trang tổng quan" : "Back to the overview"}</Link>
      </p>
    </section>
  );
}
