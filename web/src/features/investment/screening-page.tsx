/** /dau-tu/sang-loc: screen a proposal against the catalogue in force, read why, and find past screenings. */
import { useEffect, useState } from "react";
import { Loading } from "../../components/status.tsx";
import { useScreening } from "./api.ts";
import { InvestmentNav } from "./investment-nav.tsx";
import { ScreeningForm } from "./screening-form.tsx";
import { ScreeningResult } from "./screening-result.tsx";
import { ScreeningsList } from "./screenings-list.tsx";
import { useText } from "./text.ts";

export function ScreeningPage() {
  const { x } = useText();
  const [code, setCode] = useState("");
  return (
    <>
      <h1>{x("screening")}</h1>
      <InvestmentNav />
      <ScreeningForm onResult={setCode} />
      {code && <LatestResult code={code} />}
      <ScreeningsList />
    </>
  );
}

function LatestResult({ code }: { code: string }) {
  const result = useScreening(code);
  useEffect(() => {
    if (result.data) document.getElementById("screening-result")?.scrollIntoView({ block: "start" });
  }, [result.data]);
  return result.data ? <ScreeningResult result={result.data} /> : <Loading />;
}
