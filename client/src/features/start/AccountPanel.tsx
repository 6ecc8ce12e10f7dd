import { createResource, Show } from 'solid-js'
import { type AccountState, getAccount, SIGN_IN_PATH, signOut } from '../../../../shared/api/account-routes'
import { call } from '../../api/api'
import { useI18n } from '../../i18n/i18n'

/**
 * Where the sign-in link leads: the provider, then back to `returnTo` on this site. Links to it carry
 * `rel="external"`: a server route, which the client-side router must not take over.
 */
export const signInHref = (returnTo: string): string =>
  `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(returnTo)}`

/**
 * Whether this server offers sign-in and who is signed in on this browser (`account()` null: nobody). A
 * server that cannot answer simply offers no sign-in.
 */
export const createAccountState = () => {
  const [state] = createResource(() => call(getAccount, {}).catch(() => null))
  return { state, account: () => state()?.account ?? null }
}

/** Ends the sign-in here, then at the provider when it offers that (else back to the start page). */
export const signOutEverywhere = async (): Promise<void> => {
  const { providerLogoutUrl } = await call(signOut, {})
  location.assign(providerLogoutUrl ?? '/')
}

/**
 * "Organisationskonto" on the start page: the sign-in for municipal and regional staff, or who is signed in
 * with a way out. Nothing at all where the server offers no sign-in.
 */
export const AccountPanel = (props: { readonly state: AccountState }) => {
  const { t } = useI18n()
  return (
    <Show when={props.state.signInAvailable}>
      <section class="account-panel" aria-labelledby="account-title">
        <h2 id="account-title">{t('signInTitle')}</h2>
        <Show
          when={props.state.account}
          fallback={
            <>
              <p class="hint">{t('signInIntro')}</p>
              <a class="button button-primary" href={signInHref('/')} rel="external">
                {t('signIn')}
              </a>
            </>
          }
        >
          {(account) => (
            <p class="account-signed-in">
              <span data-account-name>{t('signedInAs', { name: account().identity.name })}</span>{' '}
              <button type="button" class="button" onClick={() => void signOutEverywhere()}>
                {t('signOut')}
              </button>
            </p>
          )}
        </Show>
      </section>
    </Show>
  )
}
