import { Show } from 'solid-js'
import { useI18n } from '../../i18n/i18n'

/**
 * Tillgänglighetsredogörelse: how Samverkstad meets WCAG 2.1 AA (lagen om tillgänglighet till digital
 * offentlig service requires one of public services), what is known not to, and how to report a barrier.
 */
const StatementPage = () => {
  const { t, locale } = useI18n()
  return (
    <article class="page narrow prose">
      <h1>{t('statementTitle')}</h1>
      <Show
        when={locale() === 'sv'}
        fallback={
          <>
            <p>
              Samverkstad is meant to be usable by everyone taking part in a partnership: with a keyboard, a
              screen reader, magnification up to 400 %, on a phone, a laptop and a projector. This statement
              describes how the service meets the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA,
              which Swedish public services must meet under the Act on accessibility to digital public
              services (2018:1937).
            </p>
            <h2>How accessible is the service?</h2>
            <p>
              We consider the service largely compliant with WCAG 2.1 AA. Known shortcomings are listed below.
            </p>
            <h2>What works</h2>
            <ul>
              <li>
                Every function can be used with the keyboard. In a text field, Escape returns focus to the
                field's card; Tab continues to the next control.
              </li>
              <li>
                Focus is always visible. Text and controls have a contrast of at least 4.5:1; the
                shared-screen mode at least 7:1.
              </li>
              <li>
                Parties and people are shown with a shape and a name as well as a colour, never colour alone.
              </li>
              <li>
                Other people's edits are not read aloud character by character; the saving status is announced
                when it changes.
              </li>
              <li>
                Pages have landmarks, one main heading, and labelled form fields; the interface is available
                in Swedish and English.
              </li>
              <li>Animations are turned off for people who ask their system for reduced motion.</li>
            </ul>
            <h2>Known shortcomings</h2>
            <ul>
              <li>
                The names of other people's cursors in a text are shown visually; a screen reader hears who is
                in a field from the list beside it, not where in the text their cursor is.
              </li>
              <li>
                Exported PDF files are tagged, but tables in them have not yet been checked with assistive
                technology.
              </li>
            </ul>
            <h2>Report a barrier</h2>
            <p>
              If something does not work for you, tell the organisation that runs this installation of
              Samverkstad (your municipality or association). Describe what you tried to do and what happened.
              If you are not satisfied with the answer, you can contact the Agency for Digital Government
              (DIGG), which supervises the law.
            </p>
            <h2>How we tested</h2>
            <p>
              Every main page is checked automatically with axe-core in a real browser in the project's tests,
              and the main flows are tested with the keyboard only.
            </p>
          </>
        }
      >
        <p>
          Samverkstad ska kunna användas av alla som deltar i ett partnerskap: med tangentbord, skärmläsare,
          förstoring upp till 400 %, på mobil, dator och projektor. Den här redogörelsen beskriver hur
          tjänsten uppfyller Web Content Accessibility Guidelines (WCAG) 2.1 på nivå AA, som offentlig service
          ska uppfylla enligt lagen (2018:1937) om tillgänglighet till digital offentlig service.
        </p>
        <h2>Hur tillgänglig är tjänsten?</h2>
        <p>Vi bedömer att tjänsten är delvis förenlig med WCAG 2.1 AA. Kända brister listas nedan.</p>
        <h2>Det här fungerar</h2>
        <ul>
          <li>
            Allt kan göras med tangentbordet. I ett textfält tar Escape fokus tillbaka till fältets kort; Tab
            går vidare till nästa kontroll.
          </li>
          <li>
            Fokus syns alltid. Text och kontroller har minst 4,5:1 i kontrast, storskärmsläget minst 7:1.
          </li>
          <li>Parter och personer visas med form och namn, inte bara med färg.</li>
          <li>
            Andras ändringar läses inte upp tecken för tecken; status för sparande meddelas när den ändras.
          </li>
          <li>
            Sidorna har landmärken, en huvudrubrik och etiketter på alla formulärfält; gränssnittet finns på
            svenska och engelska.
          </li>
          <li>Animeringar stängs av för den som valt minskade rörelser i sitt system.</li>
        </ul>
        <h2>Kända brister</h2>
        <ul>
          <li>
            Namnen på andras markörer i en text visas visuellt; med skärmläsare hörs vem som är i ett fält i
            listan bredvid, men inte var i texten markören står.
          </li>
          <li>
            Exporterade PDF-filer är taggade, men tabellerna i dem är ännu inte kontrollerade med hjälpmedel.
          </li>
        </ul>
        <h2>Rapportera en brist</h2>
        <p>
          Om något inte fungerar för dig, kontakta den organisation som driver den här installationen av
          Samverkstad (din kommun eller förening). Beskriv vad du försökte göra och vad som hände. Är du inte
          nöjd med svaret kan du kontakta Myndigheten för digital förvaltning (DIGG), som har tillsyn över
          lagen.
        </p>
        <h2>Så har vi testat</h2>
        <p>
          Alla huvudsidor kontrolleras automatiskt med axe-core i en riktig webbläsare i projektets tester,
          och huvudflödena testas med enbart tangentbord.
        </p>
      </Show>
    </article>
  )
}

export default StatementPage
