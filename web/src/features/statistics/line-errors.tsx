/**
 * A submission's problems at the top of the form, each naming its line ("Dòng 2 · Đơn vị tính: …")
 * and linking to the input, so that a long report is fixed without hunting for the red field.
 */
import { ApiError } from "../../lib/api.ts";
import { LINE_FIELDS } from "./production-lines.tsx";
import { type ProductionTextKey, useProductionText } from "./production-text.ts";

export interface LineProblem {
  /** The line's place on the screen, from 0. */
  line: number;
  field: (typeof LINE_FIELDS)[number];
  message: string;
}

/** The API's details about lines, moved to the lines' places on the screen (`sent[k]` is where line k was). */
export function apiLineProblems(error: unknown, sent: readonly number[]): LineProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.flatMap((d) => {
    const m = /^lines\.(\d+)\.(\w+)$/.exec(d.field ?? "");
    const line = m ? sent[Number(m[1])] : undefined;
    const field = m?.[2] as LineProblem["field"] | undefined;
    return line !== undefined && field && LINE_FIELDS.includes(field)
      ? [{ line, field, message: d.message }]
      : [];
  });
}

export function LineErrors({ error, problems }: { error: unknown; problems: LineProblem[] }) {
  const { x } = useProductionText();
  const api = error instanceof ApiError ? error : null;
  // Messages about the enterprise and the month are shown at those fields.
  const other = api?.details.filter((d) => !d.field) ?? [];
  if (!error && problems.length === 0) return null;
  return (
    <div className="field-error error-summary" role="alert" data-testid="line-errors">
      <p>{problems.length ? x("fixLines") : api ? api.message : String(error)}</p>
      {(problems.length > 0 || other.length > 0) && (
        <ul>
          {problems.map((p) => (
            <li key={`${p.line}-${p.field}`}>
              <a href={`#line-${p.line}-${p.field}`}>
                {x("line")} {p.line + 1} · {x(p.field as ProductionTextKey)}
              </a>
              : {p.message}
            </li>
          ))}
          {other.map((d) => (
            <li key={`${d.code}-${d.message}`}>{d.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
