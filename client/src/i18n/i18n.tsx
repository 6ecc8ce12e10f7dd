import { createContext, createSignal, type JSX, useContext } from 'solid-js'
import { type Catalog, type Locale, type MessageKey, swedish } from './messages'

const STORAGE_KEY = 'samverkstad.locale'

export interface I18n {
  readonly locale: () => Locale
  setLocale(locale: Locale): void
  /** The message for `key` in the current language, with `{name}` placeholders filled in. */
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string
  /** Numbers and money as the language writes them (SEK). */
  formatNumber(value: number): string
  formatMoney(value: number): string
  formatPercent(value: number): string
  formatDateTime(iso: string): string
}

const storedLocale = (): Locale => {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return stored === 'en' ? 'en' : 'sv'
  } catch {
    return 'sv'
  }
}

const loadEnglish = async (): Promise<Catalog> => (await import('./messagesEn')).en

/**
 * The interface's language: Swedish unless this person chose English on this device. `english` is the English
 * catalog when it is already loaded; without it, choosing English loads it first and then switches, so the
 * interface never shows a half-translated page.
 */
export const makeI18n = (initial: Locale = storedLocale(), english: Catalog | null = null): I18n => {
  const [locale, setLocaleSignal] = createSignal<Locale>(english === null ? 'sv' : initial)
  let englishCatalog = english
  const tag = () => (locale() === 'sv' ? 'sv-SE' : 'en-GB')
  const show = (next: Locale) => {
    setLocaleSignal(next)
    document.documentElement.lang = next
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // A locked-down browser without storage still switches for this visit.
    }
  }
  return {
    locale,
    setLocale(next) {
      if (next === 'sv' || englishCatalog !== null) return show(next)
      void loadEnglish().then((catalog) => {
        englishCatalog = catalog
        show(next)
      })
    },
    t(key, params = {}) {
      const template: string = (locale() === 'en' && englishCatalog !== null ? englishCatalog : swedish)[key]
      return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
    },
    formatNumber: (value) => new Intl.NumberFormat(tag(), { maximumFractionDigits: 2 }).format(value),
    formatMoney: (value) =>
      new Intl.NumberFormat(tag(), { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 }).format(
        value,
      ),
    formatPercent: (value) =>
      new Intl.NumberFormat(tag(), { style: 'percent', maximumFractionDigits: 1 }).format(value),
    formatDateTime: (iso) =>
      new Intl.DateTimeFormat(tag(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  }
}

/** The language this device chose, with the English catalog loaded first when that is the choice. */
export const loadI18n = async (): Promise<I18n> => {
  const initial = storedLocale()
  return makeI18n(initial, initial === 'en' ? await loadEnglish() : null)
}

const I18nContext = createContext<I18n>()

export const I18nProvider = (props: { readonly i18n: I18n; readonly children: JSX.Element }) => (
  <I18nContext.Provider value={props.i18n}>{props.children}</I18nContext.Provider>
)

export const useI18n = (): I18n => {
  const i18n = useContext(I18nContext)
  if (i18n === undefined) throw new Error('useI18n outside I18nProvider')
  return i18n
}
