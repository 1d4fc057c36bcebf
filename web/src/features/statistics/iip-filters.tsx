/** The IIP explorer's choices of series: reference base, territory, ownership, industry level and code, months. */
import { useExplorerText } from "./explorer-text.ts";
import { type IipBase, useIipBases, useVsicNames } from "./iip-api.ts";
import { type ExplorerChoices, LEVEL_CHOICES, OWNERSHIP_CHOICES, TERRITORY_CHOICES } from "./iip-params.ts";
import { industryName } from "./industry-name.ts";
import { useText } from "./text.ts";

export function IipFilters({
  choices,
  onChange,
}: {
  choices: ExplorerChoices;
  onChange: (next: Record<string, string>) => void;
}) {
  const e = useExplorerText();
  const text = useText();
  const names = useVsicNames();
  const bases = useIipBases();
  const current = bases.data?.find((b) => b.current)?.code ?? "";
  const baseName = (b: IipBase) =>
    `${e.x("baseYear")} ${b.base_year}${b.code === String(b.base_year) ? "" : ` (${b.code})`}${b.current ? ` — ${e.x("currentBase")}` : ""}`;
  const { series } = choices;
  const level = series.level;
  const codes = level === "total" ? [] : (names.data?.codes[level] ?? []);
  const select = (name: string, value: string, options: readonly string[], label: (v: string) => string) => (
    <select id={`iip-${name}`} value={value} onChange={(ev) => onChange({ [name]: ev.target.value })}>
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
  const month = (name: "from" | "to", value: string) => (
    <input
      id={`iip-${name}`}
      type="month"
      value={value}
      // A month being typed is empty until complete: only whole months are asked for.
      onChange={(ev) => ev.target.value && onChange({ [name]: ev.target.value })}
    />
  );
  return (
    <search className="toolbar iip-filters">
      {bases.data && bases.data.length > 0 && (
        <label htmlFor="iip-base">
          <span>{e.x("referenceBase")}</span>
          <select
            id="iip-base"
            value={series.base ?? current}
            // The current base is the default: it is left out of the URL.
            onChange={(ev) => onChange({ base: ev.target.value === current ? "" : ev.target.value })}
          >
            {bases.data.map((b) => (
              <option key={b.code} value={b.code} title={b.note ?? undefined}>
                {baseName(b)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor="iip-territory">
        <span>{text.x("territory")}</span>
        {select("territory", series.territory, TERRITORY_CHOICES, (t) => text.label("territory", t))}
      </label>
      <label htmlFor="iip-ownership">
        <span>{e.x("ownership")}</span>
        {select("ownership", series.ownership, OWNERSHIP_CHOICES, (o) => e.label("ownership", o))}
      </label>
      <label htmlFor="iip-level">
        <span>{e.x("level")}</span>
        <select
          id="iip-level"
          value={level}
          // A code belongs to one level: a new level starts without one.
          onChange={(ev) => onChange({ level: ev.target.value, code: "" })}
        >
          {LEVEL_CHOICES.map((l) => (
            <option key={l} value={l}>
              {e.label("level", l)}
            </option>
          ))}
        </select>
      </label>
      {level !== "total" && (
        <label htmlFor="iip-code">
          <span>{e.x("industry")}</span>
          <select id="iip-code" value={series.code} onChange={(ev) => onChange({ code: ev.target.value })}>
            <option value="">{e.x("pickIndustry")}</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {industryName(c, names.data, text)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor="iip-from">
        <span>{e.x("fromMonth")}</span>
        {month("from", series.from)}
      </label>
      <label htmlFor="iip-to">
        <span>{e.x("toMonth")}</span>
        {month("to", series.to)}
      </label>
    </search>
  );
}
