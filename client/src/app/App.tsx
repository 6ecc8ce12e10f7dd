import { A, Route, Router, type RouteSectionProps, useLocation } from '@solidjs/router'
import { Show } from 'solid-js'
import { type I18n, I18nProvider, useI18n } from '../i18n/i18n'
import { pages } from './pages'

/** Landmarks every page shares: a skip link, the header with the language choice, main, and the footer. */
const Layout = (props: RouteSectionProps) => {
  const { t, locale, setLocale } = useI18n()
  const location = useLocation()
  // The shared screen is a screen, not a page: the room sees only what is on it.
  const isScreen = () => location.pathname.endsWith('/skarm')
  return (
    <Show
      when={!isScreen()}
      fallback={
        <main id="main" class="screen-main" tabindex="-1">
          {props.children}
        </main>
      }
    >
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="site-header">
        <A href="/" class="brand">
          {t('appName')}
        </A>
        <button
          type="button"
          class="button button-quiet"
          lang={locale() === 'sv' ? 'en' : 'sv'}
          onClick={() => setLocale(locale() === 'sv' ? 'en' : 'sv')}
        >
          {t('switchLanguage')}
        </button>
      </header>
      <main id="main" tabindex="-1">
        {props.children}
      </main>
      <footer class="site-footer">
        <A href="/tillganglighet">{t('accessibility')}</A>
      </footer>
    </Show>
  )
}

/** The single-page app: routes, the language, and the layout. */
export const App = (props: { readonly i18n: I18n }) => {
  const i18n = props.i18n
  document.documentElement.lang = i18n.locale()
  return (
    <I18nProvider i18n={i18n}>
      <Router root={Layout}>
        {pages.map((page) => (
          <Route path={page.path} component={page.component} />
        ))}
      </Router>
    </I18nProvider>
  )
}
