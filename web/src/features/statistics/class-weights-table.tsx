/** The VSIC classes' weights (base-year value added) as a small editable table. */
import type { ClassRow } from "./iip-basket.ts";
import { useText } from "./text.ts";

export function ClassWeightsTable(props: {
  classes: ClassRow[];
  missing: string[];
  onChange: (classes: ClassRow[]) => void;
  messageFor: (path: string) => string | undefined;
}) {
  const { x } = useText();
  const { classes, onChange, messageFor } = props;
  const set = (i: number, field: keyof ClassRow, value: string) =>
    onChange(classes.map((c, j) => (j === i ? { ...c, [field]: value } : c)));
  return (
    <div className="table-scroll narrow-table">
      <table className="edit-table" data-testid="class-weights">
        <caption className="visually-hidden">{x("classWeights")}</caption>
        <thead>
          <tr>
            <th scope="col">{x("classCode")}</th>
            <th scope="col" className="num">
              {x("classWeight")}
            </th>
            <th scope="col">
              <span className="visually-hidden">{x("remove")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {classes.map((c, i) => {
            const message = messageFor(`class_weights.${c.code.trim()}`);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <tr key={i}>
                <td>
                  <input
                    aria-label={`${x("classCode")} ${i + 1}`}
                    value={c.code}
                    inputMode="numeric"
                    className="cell-code"
                    onChange={(e) => set(i, "code", e.target.value)}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${x("classWeight")} ${c.code || i + 1}`}
                    value={c.weight}
                    inputMode="decimal"
                    className="cell-number"
                    onChange={(e) => set(i, "weight", e.target.value)}
                    aria-invalid={message ? true : undefined}
                  />
                  {message && <span className="field-error">{message}</span>}
                </td>
                <td>
                  <button type="button" onClick={() => onChange(classes.filter((_, j) => j !== i))}>
                    {x("remove")}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="table-actions">
        <button type="button" onClick={() => onChange([...classes, { code: "", weight: "" }])}>
          + {x("addRow")}
        </button>
        {props.missing.length > 0 && (
          <button
            type="button"
            onClick={() => onChange([...classes, ...props.missing.map((code) => ({ code, weight: "" }))])}
          >
            + {x("addMissing")}: {props.missing.join(", ")}
          </button>
        )}
      </p>
    </div>
  );
}
