import { useNavigate } from '@solidjs/router'
import { createEffect, createResource, createSignal, For, Show } from 'solid-js'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import { ApiRequestError, call, rememberWorkspace } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import { PartyMark } from '../../ui/PartyMark'

const roleWord: Record<string, MessageKey> = {
  facilitator: 'roleFacilitator',
  participant: 'roleParticipant',
  viewer: 'roleViewer',
}

/** "Du är inbjuden till … som deltagare": a name and a party, nothing else. The token is in the URL's fragment. */
const JoinPage = () => {
  const { t } = useI18n()
  const navigate = useNavigate()
  const token = decodeURIComponent(location.hash.slice(1))
  const [preview] = createResource(() => call(workspaceApi.previewInvite, { params: { token } }))
  const [name, setName] = createSignal('')
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
