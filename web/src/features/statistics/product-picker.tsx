/**
 * A searchable choice of one product from the list: type a name or code, accents optional ("thep"
 * finds "Thép"), then pick with the mouse or the arrow keys and Enter (the ARIA combobox pattern).
 */
import { type KeyboardEvent, useEffect, useId, useState } from "react";
import { useI18n } from "../../lib/i18n.tsx";
import { matches } from "../../lib/search.ts";
import type { Product } from "./production-api.ts";
import { useProductionText } from "./production-text.ts";

const SHOWN = 12;

export function productLabel(p: Product, lang: string): string {
  return `${p.code} · ${lang === "en" && p.name_en ? p.name_en : p.name_vi}`;
}

export function ProductPicker(props: {
  id: string;
  label: string;
  products: Product[];
  value: string;
  onChange: (code: string) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const { lang } = useI18n();
  const { x } = useProductionText();
  const { products, value, onChange } = props;
  const chosen = products.find((p) => p.code === value);
  const [text, setText] = useState(chosen ? productLabel(chosen, lang) : "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  // The shown text follows the choice (and the language) whenever the list is closed.
  useEffect(() => {
    if (!open) setText(chosen ? productLabel(chosen, lang) : "");
  }, [chosen, lang, open]);
  const query = chosen && text === productLabel(chosen, lang) ? "" : text;
  const found = products
    .filter((p) => matches(query, p.code, p.vsic_class, p.name_vi, p.name_en))
    .slice(0, SHOWN);
  const pick = (p: Product | undefined) => {
    if (p) onChange(p.code);
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (found.length ? (i + step + found.length) % found.length : 0));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      pick(found[active]);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="combobox">
      <input
        id={props.id}
        role="combobox"
        aria-label={props.label}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && found[active] ? optionId(active) : undefined}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={props.describedBy}
        autoComplete="off"
        placeholder={x("productHint")}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => setOpen(true)}
        // Leaving with a query that only one product matches picks it, as Enter would.
        onBlur={() => pick(query && found.length === 1 ? found[0] : undefined)}
        onKeyDown={onKey}
      />
      {open && (
        <div id={listId} role="listbox" aria-label={props.label} className="combobox-list">
          {found.length === 0 && <div className="muted">{x("noProduct")}</div>}
          {found.map((p, i) => (
            <div
              key={p.code}
              id={optionId(i)}
              role="option"
              // Focus stays in the input (aria-activedescendant); -1 keeps the option out of the tab order.
              tabIndex={-1}
              aria-selected={i === active}
              className={p.code === value ? "chosen" : undefined}
              // Before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="mono">{p.code}</span> {lang === "en" && p.name_en ? p.name_en : p.name_vi}{" "}
              <span className="muted small">
                ({p.unit} · VSIC {p.vsic_class})
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
