import { A, useNavigate } from '@solidjs/router'
import { createEffect, createMemo, createSignal, For, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import type { CreateWorkspaceResponse } from '../../../../shared/api/workspace-api'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import type { PartyKind } from '../../../../shared/schema/party'
import { ApiRequestError, call, knownWorkspaces, rememberWorkspace } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import { AccountPanel, createAccountState, signInHref } from './AccountPanel'
import { InviteLinks } from './InviteLinks'

interface PartyDraft {
  name: string
  kind: PartyKind
}

/** "Skapa arbetsyta för ett partnerskap": the partnership, its parties, and who is creating it. */
const StartPage = () => {
  const { t } = useI18n()
  const navigate = useNavigate()
  const [parties, setParties] = createStore<PartyDraft[]>([
    { name: '', kind: 'public' },
    { name: '', kind: 'nonprofit' },
  ])
  const [name, setName] = createSignal('')
  const [challenge, setChallenge] = createSignal('')
  const [creatorName, setCreatorName] = createSignal('')
  const [creatorParty, setCreatorParty] = createSignal(0)
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const [created, setCreated] = createSignal<CreateWorkspaceResponse | null>(null)
  const { state: accountState, account } = createAccountState()
  /** The signed-in person's workspaces (on any device) first, then those this device remembers. */
  const workspaces = createMemo(() => {
    const mine = account()?.workspaces.map(({ id, name }) => ({ id, name })) ?? []
    return [...mine, ...knownWorkspaces().filter((known) => !mine.some((own) => own.id === known.id))]
  })
  const mayCreate = () => accountState()?.signInRequiredToCreate !== true || account() !== null
  // Signed in, the name the organisation knows is the natural default.
  createEffect(() => {
    const signedIn = account()
    if (signedIn !== null && creatorName() === '') setCreatorName(signedIn.identity.name)
  })

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const response = await call(workspaceApi.createWorkspace, {
        body: {
          name: name(),
          challenge: challenge(),
          parties: parties.map((party) => ({ name: party.name, kind: party.kind })),
          creator: { name: creatorName(), party: creatorParty() },
        },
      })
      rememberWorkspace({ id: response.workspace.id, name: response.workspace.name })
      setCreated(response)
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : String(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Show
      when={created()}
      fallback={
        <div class="page narrow">
          <h1>{t('startTitle')}</h1>
          <p class="lead">{t('startIntro')}</p>
          <Show when={accountState()}>{(state) => <AccountPanel state={state()} />}</Show>
          <Show when={workspaces().length > 0}>
            <section aria-labelledby="known">
              <h2 id="known">{t(account() === null ? 'myWorkspaces' : 'accountWorkspaces')}</h2>
              <ul class="link-list">
                <For each={workspaces()}>
                  {(workspace) => (
                    <li>
                      <A href={`/w/${workspace.id}`}>{workspace.name}</A>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>
          <Show when={!mayCreate()}>
            <p class="notice" role="note" data-sign-in-required>
              {t('signInRequiredToCreate')}{' '}
              <a href={signInHref('/')} rel="external">
                {t('signIn')}
              </a>
            </p>
          </Show>
          <Show when={mayCreate()}>
            <form class="form" onSubmit={(event) => void submit(event)}>
              <label for="name">{t('partnershipName')}</label>
              <input
                id="name"
                required
                maxLength={120}
                value={name()}
                onInput={(e) => setName(e.currentTarget.value)}
              />
              <label for="challenge">{t('challenge')}</label>
              <textarea
                id="challenge"
                rows={3}
                maxLength={2000}
                aria-describedby="challenge-help"
                value={challenge()}
                onInput={(e) => setChallenge(e.currentTarget.value)}
              />
              <p id="challenge-help" class="hint">
                {t('challengeHelp')}
              </p>
              <fieldset>
                <legend>{t('parties')}</legend>
                <p class="hint">{t('partiesHelp')}</p>
                <For each={parties}>
                  {(party, index) => (
                    <div class="party-row">
                      <div>
                        <label for={`party-${index()}`}>{t('partyName')}</label>
                        <input
                          id={`party-${index()}`}
                          required
                          maxLength={120}
                          value={party.name}
                          onInput={(e) => setParties(index(), 'name', e.currentTarget.value)}
                        />
                      </div>
                      <div>
                        <label for={`kind-${index()}`}>{t('partyKind')}</label>
                        <select
                          id={`kind-${index()}`}
                          value={party.kind}
                          onChange={(e) => setParties(index(), 'kind', e.currentTarget.value as PartyKind)}
                        >
                          <option value="public">{t('kindPublic')}</option>
                          <option value="nonprofit">{t('kindNonprofit')}</option>
                        </select>
                      </div>
                      <Show when={parties.length > 2}>
                        <button
                          type="button"
                          class="button button-quiet"
                          onClick={() => setParties((all) => all.filter((_, i) => i !== index()))}
                        >
                          {t('removeParty', { name: party.name || String(index() + 1) })}
                        </button>
                      </Show>
                    </div>
                  )}
                </For>
                <button
                  type="button"
                  class="button"
                  onClick={() => setParties(parties.length, { name: '', kind: 'nonprofit' })}
                >
                  {t('addParty')}
                </button>
              </fieldset>
              <label for="creator">{t('yourName')}</label>
              <input
                id="creator"
                required
                maxLength={80}
                value={creatorName()}
                onInput={(e) => setCreatorName(e.currentTarget.value)}
              />
              <label for="creator-party">{t('yourParty')}</label>
              <select
                id="creator-party"
                value={creatorParty()}
                onChange={(e) => setCreatorParty(Number(e.currentTarget.value))}
              >
                <For each={parties}>
                  {(party, index) => (
                    <option value={index()}>
                      {party.name.trim() ||
                        t('partyUnnamed', {
                          number: index() + 1,
                          kind: t(party.kind === 'public' ? 'kindPublic' : 'kindNonprofit'),
                        })}
                    </option>
                  )}
                </For>
              </select>
              <Show when={error()}>
                <p class="error" role="alert">
                  {t('errorGeneric', { message: error()! })}
                </p>
              </Show>
              <button type="submit" class="button button-primary" disabled={busy()}>
                {t('create')}
              </button>
            </form>
          </Show>
        </div>
      }
    >
      {(response) => (
        <div class="page">
          <h1>{response().workspace.name}</h1>
          <InviteLinks invites={response().invites} />
          <p>
            <button
              type="button"
              class="button button-primary"
              onClick={() => navigate(`/w/${response().workspace.id}`)}
            >
              {t('continueToWorkspace')}
            </button>
          </p>
        </div>
      )}
    </Show>
  )
}

export default StartPage
