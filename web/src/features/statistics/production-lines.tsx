/**
 * The lines of a month's report, one product each: the product (searchable), the quantity as typed
 * (vi-VN or en-GB), and the unit, which defaults to the product's own and suggests those that convert.
 * Each input carries its own error, from this screen or from the API (lines.N.field).
 */
import { ProductPicker } from "./product-picker.tsx";
import type { Product } from "./production-api.ts";
import { useProductionText } from "./production-text.ts";

export interface LineDraft {
  product: string;
  quantity: string;
  unit: string;
}
export const LINE_FIELDS = ["product", "quantity", "unit"] as const;
export const emptyLine = (): LineDraft => ({ product: "", quantity: "", unit: "" });

export function ProductionLines(props: {
  lines: LineDraft[];
  products: Product[];
  onChange: (lines: LineDraft[]) => void;
  messageFor: (path: string) => string | undefined;
}) {
  const { x } = useProductionText();
  const { lines, products, onChange, messageFor } = props;
  const set = (i: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const chooseProduct = (i: number, code: string) => {
    const product = products.find((p) => p.code === code);
    const unit = lines[i]?.unit;
    // Keep a unit the new product also takes; otherwise start from the product's own unit.
    set(i, { product: code, unit: unit && product?.units.includes(unit) ? unit : (product?.unit ?? "") });
  };
  return (
    <div className="production-lines" data-testid="production-lines">
      {lines.map((l, i) => {
        const product = products.find((p) => p.code === l.product);
        const id = (f: string) => `line-${i}-${f}`;
        const error = (f: string) => messageFor(`lines.${i}.${f}`);
        const bad = LINE_FIELDS.some((f) => error(f));
        const described = (f: string) => (error(f) ? `${id(f)}-error` : undefined);
        return (
          <fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
            key={i}
            className={`production-line${bad ? " invalid" : ""}`}
            data-testid={`line-${i + 1}`}
          >
            <legend>
              {x("line")} {i + 1}
            </legend>
            <div className="line-field line-product">
              <label htmlFor={id("product")}>{x("product")}</label>
              <ProductPicker
                id={id("product")}
                label={`${x("product")}, ${x("line").toLowerCase()} ${i + 1}`}
                products={products}
                value={l.product}
                onChange={(code) => chooseProduct(i, code)}
                invalid={Boolean(error("product"))}
                describedBy={described("product")}
              />
              <FieldMessage id={`${id("product")}-error`} message={error("product")} />
            </div>
            <div className="line-field">
              <label htmlFor={id("quantity")}>{x("quantity")}</label>
              <input
                id={id("quantity")}
                aria-label={`${x("quantity")}, ${x("line").toLowerCase()} ${i + 1}`}
                className="cell-number"
                inputMode="decimal"
                autoComplete="off"
                value={l.quantity}
                onChange={(e) => set(i, { quantity: e.target.value })}
                aria-invalid={error("quantity") ? true : undefined}
                aria-describedby={described("quantity")}
              />
              <FieldMessage id={`${id("quantity")}-error`} message={error("quantity")} />
            </div>
            <div className="line-field">
              <label htmlFor={id("unit")}>{x("unit")}</label>
              <input
                id={id("unit")}
                aria-label={`${x("unit")}, ${x("line").toLowerCase()} ${i + 1}`}
                className="cell-unit"
                list={product ? id("units") : undefined}
                autoComplete="off"
                value={l.unit}
                onChange={(e) => set(i, { unit: e.target.value })}
                aria-invalid={error("unit") ? true : undefined}
                aria-describedby={described("unit")}
                title={product ? `${x("unitHint")}: ${product.units.join(", ")}` : undefined}
              />
              {product && (
                <datalist id={id("units")}>
                  {product.units.map((u) => (
                    <option key={u} value={u} />
                  ))}
                </datalist>
              )}
              <FieldMessage id={`${id("unit")}-error`} message={error("unit")} />
            </div>
            <div className="line-field line-remove">
              {lines.length > 1 && (
                <button
                  type="button"
                  onClick={() => onChange(lines.filter((_, j) => j !== i))}
                  aria-label={`${x("removeLine")} ${i + 1}`}
                >
                  {x("removeLine")}
                </button>
              )}
            </div>
          </fieldset>
        );
      })}
      <p className="table-actions">
        <button type="button" onClick={() => onChange([...lines, emptyLine()])}>
          + {x("addLine")}
        </button>
      </p>
    </div>
  );
}

function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span className="field-error" id={id}>
      {message}
    </span>
  ) : null;
}
