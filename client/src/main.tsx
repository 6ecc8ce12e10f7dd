import './api/zodWithoutEval'
import { render } from 'solid-js/web'
import { App } from './app/App'
import { preloadPage } from './app/pages'
import { loadI18n } from './i18n/i18n'
import './styles.css'

/**
 * How long the first frame waits for the page's code and data (for a document, its text too: see
 * `openSyncSocketEarly`). Drawn together, the page's first field can be typed in sooner, and shows what it
 * says: a frame drawn before them has to be laid out and painted, and on a phone that work delays the page's
 * own code by a few hundred milliseconds. On a slow connection the frame comes without them, and the page says
 * it is loading.
 */
const FIRST_FRAME_WAITS_AT_MOST_MS = 1_500

const pageReady = preloadPage(location.pathname)
const atMost = new Promise<void>((resolve) => setTimeout(resolve, FIRST_FRAME_WAITS_AT_MOST_MS))

const root = document.getElementById('root')
if (root !== null)
  void Promise.all([loadI18n(), Promise.race([pageReady, atMost])]).then(([i18n]) =>
    render(() => <App i18n={i18n} />, root),
  )
