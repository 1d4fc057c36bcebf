/**
 * /thong-ke/san-luong/nop: an enterprise's production of one month that has ended, one line per
 * product. The API checks products, units and the month, naming each bad line; a figure far from the
 * enterprise's history is stored but flagged. Sending a month again revises it, keeping the history.
 */
import { type FormEvent, useState } from "react";
import { FieldError, fieldMessage } from "../../components/form-errors.tsx";
import { useCan } from "../../components/require-permission.tsx";
import { parseNumber } from "../../lib/format.ts";
import { type Lang, useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../auth/api.ts";
import { ImportWizard } from "../workspace/import-wizard.tsx";
import { EnterpriseField } from "./enterprise-field.tsx";
import { apiLineProblems, LineErrors, type LineProblem } from "./line-errors.tsx";
import { endedMonths, formatMonth } from "./production.ts";
import { type ProductionInput, useProducts, useSubmitProduction } from "./production-api.ts";
import { emptyLine, type LineDraft, ProductionLines } from "./production-lines.tsx";
import { ProductionNav } from "./production-nav.tsx";
import { ProductionResult } from "./production-result.tsx";
import { type ProductionText, useProductionText } from "./production-text.ts";
import { StatisticsNav } from "./statistics-nav.tsx";

const MONTHS_OFFERED = 36;

/**
 * The request's lines and, for each, its place on the screen (blank lines are left out), or the
 * problems found before asking the API. An empty quantity is sent without one, so the API names it.
 */
function readLines(
  drafts: LineDraft[],
  lang: Lang,
  { x }: ProductionText,
): { lines: ProductionInput["lines"]; sent: number[]; problems: LineProblem[] } {
  const lines: ProductionInput["lines"] = [];
  const sent: number[] = [];
  const problems: LineProblem[] = [];
  drafts.forEach((d, i) => {
    if (!d.product && !d.quantity.trim() && drafts.length > 1) return;
    const quantity = parseNumber(d.quantity, lang);
    if (!d.product) problems.push({ line: i, field: "product", message: x("pickProduct") });
    if (quantity !== undefined && Number.isNaN(quantity))
      problems.push({ line: i, field: "quantity", message: x("notNumber") });
    lines.push({ product: d.product, quantity: quantity as number, unit: d.unit.trim() });
    sent.push(i);
  });
  return { lines, sent, problems };
}

export function ProductionFormPage() {
  const { lang } = useI18n();
  const text = useProductionText();
  const { x } = text;
  const can = useCan();
  const session = useSession();
  const own = session.data?.user?.role === "enterprise" ? (session.data.user.tax_codes ?? []) : [];
  const products = useProducts();
  const submit = useSubmitProduction();
  const months = endedMonths(MONTHS_OFFERED);
  const [taxCode, setTaxCode] = useState("");
  const [month, setMonth] = useState(months[0] ?? "");
  const [lines, setLines] = useState<LineDraft[]>([emptyLine()]);
  const [sent, setSent] = useState<number[]>([]);
  const [local, setLocal] = useState<LineProblem[]>([]);
  const [submittedCodes, setSubmittedCodes] = useState<string[]>([]);
  const enterprise = taxCode || own[0] || "";
  const problems = local.length ? local : apiLineProblems(submit.error, sent);
  const messageFor = (path: string) => problems.find((p) => `lines.${p.line}.${p.field}` === path)?.message;
  const send = (e: FormEvent) => {
    e.preventDefault();
    const read = readLines(lines, lang, text);
    setLocal(read.problems);
    if (read.problems.length) return submit.reset();
    setSent(read.sent);
    setSubmittedCodes(read.lines.map((l) => l.product));
    submit.mutate(
      { tax_code: enterprise.trim(), month, lines: read.lines },
      { onSuccess: () => setLines([emptyLine()]) },
    );
  };
  // The API answers with every figure of the month; the result shows those just sent.
  const stored = (submit.data ?? []).filter((f) => submittedCodes.includes(f.product_code));
  return (
    <>
      <h1>{x("submit")}</h1>
      <StatisticsNav />
      <ProductionNav />
      <p className="muted">{x("submitIntro")}</p>
      <form className="form wide production-form" onSubmit={send} noValidate>
        <LineErrors error={local.length ? null : submit.error} problems={problems} />
        <div className="row">
          <EnterpriseField own={own} value={enterprise} onChange={setTaxCode} error={submit.error} />
          <label>
            {x("month")}
            <select
              id="production-month"
              value={month}
              onChange={(e) => setMonth(e.target.value)}
              aria-invalid={fieldMessage(submit.error, "month") ? true : undefined}
              aria-describedby="production-month-hint"
            >
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatMonth(m)}
                </option>
              ))}
            </select>
            <span className="muted small" id="production-month-hint">
              {x("monthHint")}
            </span>
            <FieldError error={submit.error} field="month" />
          </label>
        </div>
        <h2>{x("lines")}</h2>
        <ProductionLines
          lines={lines}
          products={products.data ?? []}
          onChange={setLines}
          messageFor={messageFor}
        />
        <p>
          <button type="submit" disabled={submit.isPending || !products.data}>
            {x("send")}
          </button>
        </p>
      </form>
      {stored.length > 0 && <ProductionResult figures={stored} />}
      {can("import.create") && (
        <section className="panel" aria-label={x("importHint")}>
          <p className="muted">{x("importHint")}</p>
          <ImportWizard kinds={["production_reports"]} />
        </section>
      )}
    </>
  );
}
