/** A free-text filter beside a list (a VSIC code, a project number): applied on submit, cleared in one click. */
import { type FormEvent, useEffect, useState } from "react";
import { useText } from "./text.ts";

export function TextFilter(props: { label: string; value: string; onApply: (value: string) => void }) {
  const { x } = useText();
  const [value, setValue] = useState(props.value);
  useEffect(() => setValue(props.value), [props.value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onApply(value.trim());
  };
  return (
    <form className="toolbar text-filter" onSubmit={submit}>
      <label>
        <span>{props.label}</span>
        <input value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit">{x("apply")}</button>
      {props.value && (
        <button type="button" onClick={() => props.onApply("")}>
          {x("clear")}
        </button>
      )}
    </form>
  );
}
