import { useNavigate } from '@solidjs/router'
import { createEffect, createResource, createSignal, For, Show } from 'solid-js'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import { ApiRequestError, call, rememberWorkspace } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import { PartyMark } from '../../ui/PartyMark'
import { createAccountState, signInHref } from '../start/AccountPanel'

/** The invite carried over a sign-in: the provider's round trip would lose the URL's fragment. */
const PENDING_INVITE_KEY = 'samverkstad.pendingInvite'

/** The invite token: from the fragment, else the one kept while this tab signed in (used once). */
const inviteToken = (): string => {
  const fromLink = decodeURIComponent(location.hash.slice(1))
  if (fromLink !== '') return fromLink
  try {
    const kept = sessionStorage.getItem(PENDING_INVITE_KEY) ?? ''
    sessionStorage.removeItem(PENDING_INVITE_KEY)
    if (kept !== '') history.replaceState(null, '', `/join#${kept}`)
    return kept
  } catch {
    return ''
  }
}

/** Keeps the invite in this tab (never in a URL the server sees) and signs in, coming back to the join page. */
const signInFirst = (token: string) => {
  try {
    sessionStorage.setItem(PENDING_INVITE_KEY, token)
  } catch {
    // Without storage the person opens the invite link again after signing in.
  }
  location.assign(signInHref('/join'))
}

const roleWord: Record<string, MessageKey> = {
  facilitator: 'roleFacilitator',
  participant: 'roleParticipant',
  viewer: 'roleViewer',
}

/** "Du är inbjuden till … som deltagare": a name and a party, nothing else. The token is in the URL's fragment. */
const JoinPage = () => {
  const { t } = useI18n()
  const navigate = useNavigate()
  const token = inviteToken()
  const [preview] = createResource(() => call(workspaceApi.previewInvite, { params: { token } }))
  const { state: accountState, account } = createAccountState()
  const [name, setName] = createSignal('')
  createEffect(() => {
    const signedIn = account()
    if (signedIn !== null && name() === '') setName(signedIn.identity.name)
  })
  const [partyId, setPartyId] = createSignal('')
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)

  const enter = async (body: { invite: string; name?: string; partyId?: string }) => {
    setBusy(true)
    setError(null)
    try {
      const joined = await call(workspaceApi.join, { body })
      rememberWorkspace({ id: joined.workspaceId, name: preview()?.workspace.name ?? '' })
      // A shared screen goes straight to what the room should see.
      navigate(
        joined.member.role === 'viewer' ? `/w/${joined.workspaceId}/skarm` : `/w/${joined.workspaceId}`,
        { replace: true },
      )
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : String(caught))
      setBusy(false)
    }
  }
  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    void enter({ invite: token, name: name(), partyId: partyId() })
  }
  // A shared screen asks nothing: opened once from its link, it goes straight to what the room sees.
  createEffect(() => {
    if (preview()?.role === 'viewer' && !busy() && error() === null) void enter({ invite: token })
  })

  return (
    <div class="page narrow">
      <Show when={!preview.loading} fallback={<p>{t('loading')}</p>}>
        <Show
          when={!preview.error && preview()}
          fallback={
            <p class="error" role="alert">
              {t('inviteInvalid')}
            </p>
          }
        >
          {(invite) => (
            <>
              <h1>
                {t('joinTitle', { workspace: invite().workspace.name, role: t(roleWord[invite().role]!) })}
              </h1>
              <Show
                when={invite().role !== 'viewer'}
                fallback={
                  <>
                    <p role="status">{t('screenOpening')}</p>
                    <Show when={error()}>
                      <p class="error" role="alert">
                        {t('errorGeneric', { message: error()! })}
                      </p>
                    </Show>
                  </>
                }
              >
                <p class="lead">{t('joinIntro')}</p>
                <Show when={accountState()?.signInAvailable === true}>
                  <Show
                    when={account()}
                    fallback={
                      <p class="account-panel" data-join-sign-in>
                        {t('joinSignInFirst')}{' '}
                        <button type="button" class="button" onClick={() => signInFirst(token)}>
                          {t('signIn')}
                        </button>
                      </p>
                    }
                  >
                    {(signedIn) => (
                      <p class="account-panel" data-join-signed-in>
                        {t('joinSignedIn', { name: signedIn().identity.name })}
                      </p>
                    )}
                  </Show>
                </Show>
                <form class="form" onSubmit={submit}>
                  <label for="join-name">{t('yourName')}</label>
                  <input
                    id="join-name"
                    required
                    maxLength={80}
                    autocomplete="name"
                    value={name()}
                    onInput={(e) => setName(e.currentTarget.value)}
                  />
                  <fieldset>
                    <legend>{t('yourParty')}</legend>
                    <For each={invite().parties}>
                      {(party) => (
                        <label class="choice">
                          <input
                            type="radio"
                            name="party"
                            required
                            value={party.id}
                            checked={partyId() === party.id}
                            onChange={() => setPartyId(party.id)}
                          />{' '}
                          <PartyMark
                            name={party.name}
                            kind={party.kind}
                            kindLabel={t(party.kind === 'public' ? 'kindPublic' : 'kindNonprofit')}
                          />
                        </label>
                      )}
                    </For>
                  </fieldset>
                  <Show when={error()}>
                    <p class="error" role="alert">
                      {t('errorGeneric', { message: error()! })}
                    </p>
                  </Show>
                  <button type="submit" class="button button-primary" disabled={busy()}>
                    {t('join')}
                  </button>
                </form>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </div>
  )
}

export default JoinPage
