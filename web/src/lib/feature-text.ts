/** A feature's own bilingual texts and the names of the API's enum values, as one hook. */
import { useMemo } from "react";
import { useI18n } from "./i18n.tsx";

export type Pair = readonly [vi: string, en: string];

export interface FeatureText<K extends string> {
  x(key: K): string;
  /** The name of an API enum value (a category, a status …); the value itself when unknown. */
  label(kind: string, value: string | null | undefined): string;
}

export function useFeatureText<K extends string>(
  text: Record<K, Pair>,
  labels: Record<string, Record<string, Pair>>,
): FeatureText<K> {
  const { lang } = useI18n();
  return useMemo(() => {
    const i = lang === "vi" ? 0 : 1;
    return {
      x: (key: K) => text[key][i],
      label: (kind: string, value: string | null | undefined) =>
        value === null || value === undefined ? "—" : (labels[kind]?.[value]?.[i] ?? value),
    };
  }, [lang, text, labels]);
}
