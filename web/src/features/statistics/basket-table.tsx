/** The IIP basket as an editable table: one product per row, each input with its error beneath it. */
import { type BasketRow, emptyRow, ITEM_FIELDS } from "./iip-basket.ts";
import { type TextKey, useText } from "./text.ts";

const HEADERS: Record<(typeof ITEM_FIELDS)[number], TextKey> = {
  product: "product",
  vsic: "vsic",
  base_quantity: "baseQuantity",
  current_quantity: "currentQuantity",
  previous_quantity: "previousQuantity",
  weight: "weight",
};

export function BasketTable(props: {
  rows: BasketRow[];
  onChange: (rows: BasketRow[]) => void;
  messageFor: (path: string) => string | undefined;
}) {
  const { x } = useText();
  const { rows, onChange, messageFor } = props;
  const set = (i: number, field: keyof BasketRow, value: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  return (
    <div className="table-scroll">
      <table className="edit-table" data-testid="basket">
        <caption className="visually-hidden">{x("basket")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            {ITEM_FIELDS.map((f) => (
              <th key={f} scope="col" className={f === "product" || f === "vsic" ? undefined : "num"}>
                {x(HEADERS[f])}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{x("remove")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <tr key={i}>
              <td>{i + 1}</td>
              {ITEM_FIELDS.map((f) => {
                const message = messageFor(`items.${i}.${f}`);
                const id = `basket-${i}-${f}`;
                return (
                  <td key={f}>
                    <input
                      id={id}
                      aria-label={`${x(HEADERS[f])}, ${x("product").toLowerCase()} ${i + 1}`}
                      value={r[f]}
                      onChange={(e) => set(i, f, e.target.value)}
                      inputMode={f === "product" ? undefined : f === "vsic" ? "numeric" : "decimal"}
                      className={f === "product" ? "cell-text" : f === "vsic" ? "cell-code" : "cell-number"}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? `${id}-error` : undefined}
                    />
                    {message && (
                      <span className="field-error" id={`${id}-error`}>
                        {message}
                      </span>
                    )}
                  </td>
                );
              })}
              <td>
                <button
                  type="button"
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  aria-label={`${x("removeRow")} ${i + 1}`}
                >
                  {x("remove")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table-actions">
        <button type="button" onClick={() => onChange([...rows, emptyRow()])}>
          + {x("addRow")}
        </button>
      </p>
    </div>
  );
}
