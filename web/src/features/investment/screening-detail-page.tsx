/** /dau-tu/sang-loc/:code: a stored screening, explained as on the day it was run. */
import { Link, useParams } from "react-router";
import { LoadError, Loading } from "../../components/status.tsx";
import { useScreening } from "./api.ts";
import { InvestmentNav } from "./investment-nav.tsx";
import { ScreeningResult } from "./screening-result.tsx";
import { useText } from "./text.ts";

export function ScreeningDetailPage() {
  const { code = "" } = useParams();
  const { x } = useText();
  const result = useScreening(code);
  return (
    <>
      <p>
        <Link to="/dau-tu/sang-loc">← {x("screening")}</Link>
      </p>
      <h1>
        {x("screening")} · {code}
      </h1>
      <InvestmentNav />
      {result.error && <LoadError error={result.error} />}
      {result.isPending ? <Loading /> : result.data && <ScreeningResult result={result.data} />}
    </>
  );
}
