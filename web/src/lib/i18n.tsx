/** The language of the UI: Vietnamese by default, English one click away; remembered per browser. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { setApiLanguage } from "./api.ts";
import { en, type MessageKey, vi } from "./messages.ts";

export type Lang = "vi" | "en";
const STORAGE_KEY = "hpi.lang";

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey): string;
}

const Context = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return stored === "en" ? "en" : "vi";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    setApiLanguage(lang);
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key) => (lang === "vi" ? vi[key] : en[key]) }),
    [lang, setLang],
  );
  setApiLanguage(lang);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
