import { createResource, For, Show } from 'solid-js'
import type * as z from 'zod/mini'
import * as networkApi from '../../../../shared/api/network-routes'
import type { InviteLinks as InviteLinksValue } from '../../../../shared/api/workspace-api'
import { call } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import { CopyButton } from '../../ui/CopyButton'
import { QrCode } from '../../ui/QrCode'

const roles: ReadonlyArray<{
  role: 'facilitator' | 'participant' | 'viewer'
  title: MessageKey
  help: MessageKey
}> = [
  { role: 'facilitator', title: 'inviteFacilitator', help: 'inviteFacilitatorHelp' },
  { role: 'participant', title: 'inviteParticipant', help: 'inviteParticipantHelp' },
  { role: 'viewer', title: 'inviteViewer', help: 'inviteViewerHelp' },
]

/** The three invite links, each with what the role can do, a copy button and a QR code for the room. */
export const InviteLinks = (props: { readonly invites: z.infer<typeof InviteLinksValue> }) => {
  const { t } = useI18n()
  const [network] = createResource(() => call(networkApi.getNetwork, {}))
  return (
    <section aria-labelledby="invites">
      <h2 id="invites">{t('invitesTitle')}</h2>
      <p>{t('invitesIntro')}</p>
      <Show when={network()?.listensOnNetwork === false}>
        <p class="notice" role="note" data-network="loopback">
          {t('networkLoopbackOnly')}
        </p>
      </Show>
      <ul class="invite-list">
        <For each={roles}>
          {({ role, title, help }) => (
            <li class="card invite">
              <h3 id={`invite-${role}`}>{t(title)}</h3>
              <p id={`invite-${role}-help`}>{t(help)}</p>
              <input
                class="invite-url"
                readOnly
                value={props.invites[role].url}
                aria-labelledby={`invite-${role}`}
                data-invite-role={role}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton
                text={props.invites[role].url}
                label={t('copy')}
                copiedLabel={t('copied')}
                describedBy={`invite-${role}`}
              />
              <QrCode text={props.invites[role].url} alt={t('qrFor', { role: t(title) })} />
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
