// The message catalogues and the language switch. Every user-visible string is a key in nb.json
// and en.json (flat keys with a prefix per page: "overview.", "compare.", …). `t(key, args)`
// replaces `{name}` with args.name; a missing key shows the key itself, and `npm run check:i18n`
// fails for it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { setApiLanguage } from "../api/client";
import nb from "./nb.json";
import en from "./en.json";

export type Lang = "nb" | "en";
type Catalogue = Record<string, string>;
const catalogues: Record<Lang, Catalogue> = { nb, en };
const storageKey = "kompetent.lang";

export type TArgs = Record<string, string | number>;
export type TFunction = (key: string, args?: TArgs) => string;

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (stored === "nb" || stored === "en") return stored;
  } catch {
    // storage blocked: bokmål
  }
  return "nb";
}

/** `{name}` → args.name, for every placeholder that has an argument. */
export function interpolate(template: string, args?: TArgs): string {
  if (!args) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole);
}

type I18n = { lang: Lang; setLang: (lang: Lang) => void; t: TFunction; has: (key: string) => boolean };
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = initialLang();
    setApiLanguage(initial);
    return initial;
  });

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setApiLanguage(next);
    setLangState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // storage blocked: the choice lasts for this page only
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const catalogue = catalogues[lang];
    return {
      lang,
      setLang,
      t: (key, args) => interpolate(catalogue[key] ?? key, args),
      has: (key) => key in catalogue,
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useT/useLang outside <I18nProvider>");
  return context;
}

/** The translate function of the current language. */
export function useT(): TFunction {
  return useI18n().t;
}

/** `[lang, setLang]`; setLang remembers the choice and sets <html lang>. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const { lang, setLang } = useI18n();
  return [lang, setLang];
}

/** Whether the catalogue has `key` (for keys built at run time, e.g. an API error code). */
export function useHasKey(): (key: string) => boolean {
  return useI18n().has;
}
