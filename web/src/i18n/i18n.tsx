import { createContext, useContext, useState, type ReactNode } from 'react';

/**
 * English and Spanish. Each feature keeps its own strings beside it as `{ en, es }` objects of
 * the same shape (TypeScript checks the shape), and picks the current language with useText().
 */
export type Lang = 'en' | 'es';
const LANG_KEY = 'openpbm.lang';

interface I18nState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nState>({ lang: 'en', setLang: () => {} });

function initialLang(): Lang {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(LANG_KEY) : null;
  if (stored === 'en' || stored === 'es') return stored;
  return typeof navigator !== 'undefined' && navigator.language?.startsWith('es') ? 'es' : 'en';
}

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixed ?? initialLang());
  const setLang = (l: Lang) => {
    localStorage.setItem(LANG_KEY, l);
    document.documentElement.lang = l;
    setLangState(l);
  };
  return <I18nContext.Provider value={{ lang, setLang }}>{children}</I18nContext.Provider>;
}

export function useLang(): I18nState {
  return useContext(I18nContext);
}

/** The strings of one feature in the current language. */
export function useText<T>(strings: { en: T; es: T }): T {
  return strings[useContext(I18nContext).lang];
}

/** `fill('Due {date}', { date })` */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
