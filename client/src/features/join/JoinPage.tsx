import { useNavigate } from '@solidjs/router'
import { createResource, createSignal, For, Show } from 'solid-js'
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

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const joined = await call(workspaceApi.join, {
        body: { invite: token, name: name(), partyId: partyId() },
      })
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
              <p class="lead">{t('joinIntro')}</p>
              <form class="form" onSubmit={(event) => void submit(event)}>
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
            </>
          )}
        </Show>
      </Show>
    </div>
  )
}

export default JoinPage
