import { A, Route, Router, type RouteSectionProps, useLocation } from '@solidjs/router'
import { lazy, Show } from 'solid-js'
import { type I18n, I18nProvider, useI18n } from '../i18n/i18n'

const StartPage = lazy(() => import('../features/start/StartPage'))
const JoinPage = lazy(() => import('../features/join/JoinPage'))
const WorkspacePage = lazy(() => import('../features/workspace/WorkspacePage'))
const DocumentPage = lazy(() => import('../features/document/DocumentPage'))
const StatementPage = lazy(() => import('../features/accessibility/StatementPage'))
const ScreenPage = lazy(() => import('../features/screen/ScreenPage'))
const CafePage = lazy(() => import('../features/cafe/CafePage'))
const CafeScreenPage = lazy(() =>
  import('../features/cafe/CafePage').then((module) => ({ default: module.CafeScreenPage })),
)

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
        <Route path="/" component={StartPage} />
        <Route path="/join" component={JoinPage} />
        <Route path="/w/:workspaceId" component={WorkspacePage} />
        <Route path="/w/:workspaceId/d/:documentId" component={DocumentPage} />
        <Route path="/w/:workspaceId/skarm" component={ScreenPage} />
        <Route path="/w/:workspaceId/cafe/:documentId" component={CafePage} />
        <Route path="/w/:workspaceId/cafe/:documentId/skarm" component={CafeScreenPage} />
        <Route path="/tillganglighet" component={StatementPage} />
      </Router>
    </I18nProvider>
  )
}
