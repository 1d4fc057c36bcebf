/** /thong-ke/tinh-iip: compute the IIP of a basket typed on the screen (nothing is stored). */
import { type FormEvent, useState } from "react";
import { FormErrors, fieldMessage } from "../../components/form-errors.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useCalculateIip } from "./api.ts";
import { BasketTable } from "./basket-table.tsx";
import { ClassWeightsTable } from "./class-weights-table.tsx";
import {
  type BasketRow,
  type ClassRow,
  emptyRow,
  ITEM_FIELDS,
  missingClasses,
  sampleBasket,
  toRequest,
} from "./iip-basket.ts";
import { IipResultView } from "./iip-result.tsx";
import { StatisticsNav } from "./statistics-nav.tsx";
import { useText } from "./text.ts";

export function IipPage() {
  const { lang } = useI18n();
  const { x } = useText();
  const calculate = useCalculateIip();
  const [rows, setRows] = useState<BasketRow[]>([emptyRow()]);
  const [classes, setClasses] = useState<ClassRow[]>([{ code: "", weight: "" }]);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const messageFor = (path: string) =>
    unreadable.includes(path) ? x("notNumber") : fieldMessage(calculate.error, path);
  // A server message is shown at an input when one of the tables has that input; the rest at the top.
  const placed = (path: string) => {
    const item = /^items\.(\d+)\.(\w+)$/.exec(path);
    if (item)
      return Number(item[1]) < rows.length && (ITEM_FIELDS as readonly string[]).includes(item[2] ?? "");
    const cls = /^class_weights\.(.+)$/.exec(path);
    return cls ? classes.some((c) => c.code.trim() === cls[1]) : false;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { body, unreadable: bad } = toRequest(rows, classes, lang);
    setUnreadable(bad);
    if (bad.length === 0) calculate.mutate(body);
  };
  const fillSample = () => {
    const sample = sampleBasket(lang);
    setRows(sample.rows);
    setClasses(sample.classes);
    setUnreadable([]);
    calculate.reset();
  };
  return (
    <>
      <h1>{x("iip")}</h1>
      <StatisticsNav />
      <p>{x("iipIntro")}</p>
      <form onSubmit={submit} noValidate className="iip-form">
        <p className="actions">
          <button type="button" onClick={fillSample}>
            {x("sample")}
          </button>
        </p>
        <h2>{x("basket")}</h2>
        <BasketTable rows={rows} onChange={setRows} messageFor={messageFor} />
        <h2>{x("classWeights")}</h2>
        <ClassWeightsTable
          classes={classes}
          missing={missingClasses(rows, classes)}
          onChange={setClasses}
          messageFor={messageFor}
        />
        <FormErrors error={calculate.error} placed={placed} />
        <p className="actions">
          <button type="submit" className="primary" disabled={calculate.isPending}>
            {x("calculate")}
          </button>
        </p>
      </form>
      {calculate.data && <IipResultView result={calculate.data} />}
    </>
  );
}
