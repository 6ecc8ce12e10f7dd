import { render } from 'solid-js/web'
import { App } from './app/App'
import { preloadPage } from './app/pages'
import { loadI18n } from './i18n/i18n'
import './styles.css'

preloadPage(location.pathname)

const root = document.getElementById('root')
if (root !== null) void loadI18n().then((i18n) => render(() => <App i18n={i18n} />, root))
