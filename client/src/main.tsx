import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { type Locale, messages } from './i18n/messages'
import './styles.css'

const App = () => {
  const [locale, setLocale] = createSignal<Locale>('sv')
  const t = (key: keyof (typeof messages)['sv']) => messages[locale()][key]
  return (
    <main lang={locale()}>
      <h1>{t('title')}</h1>
      <p>{t('tagline')}</p>
      <p role="status">{t('status')}</p>
      <button type="button" onClick={() => setLocale(locale() === 'sv' ? 'en' : 'sv')}>
        {t('switchLanguage')}
      </button>
    </main>
  )
}

const root = document.getElementById('root')
if (root !== null) render(() => <App />, root)
