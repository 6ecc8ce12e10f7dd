import { createResource, createSignal, For, Show } from 'solid-js'
import { can } from '../../../../shared/access/permissions'
import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import type { RecordReference } from '../../../../shared/schema/record-reference'
import { call } from '../../api/api'
import { useI18n } from '../../i18n/i18n'

/**
 * Diarienummer: each party records its own reference for this document and for the partnership, and sees the
 * other party's. Every export's records header and the filing bundle carry them.
 */
export const ReferenceForm = (props: { readonly documentId: string; readonly view: WorkspaceView }) => {
  const { t } = useI18n()
  const me = props.view.me
  const workspaceId = props.view.workspace.id
  const [references, { mutate }] = createResource(
    async () => (await call(workspaceApi.listReferences, { params: { workspaceId } })).references,
  )
  const own = (documentId: string | null, partyId = me.partyId) =>
    references()?.find((entry) => entry.partyId === partyId && entry.documentId === documentId)?.reference ??
    ''
  const [message, setMessage] = createSignal('')
  const save = async (documentId: string | null, reference: string) => {
    setMessage('')
    try {
      const saved = await call(workspaceApi.setReference, {
        params: { workspaceId },
        body: { documentId, partyId: me.partyId, reference: reference.trim() === '' ? null : reference },
      })
      mutate(saved.references as RecordReference[])
      setMessage(t('referenceSaved'))
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error))
    }
  }
  const myParty = () => props.view.parties.find((party) => party.id === me.partyId)?.name ?? ''
  return (
    <section class="references" aria-labelledby="references-title">
      <h3 id="references-title">{t('referenceTitle')}</h3>
      <ul class="reference-list">
        <For each={props.view.parties}>
          {(party) => (
            <li data-reference-party={party.name}>
              {party.name}: {own(props.documentId, party.id) || own(null, party.id) || '—'}
            </li>
          )}
        </For>
      </ul>
      <Show when={can(me.role, 'version.save')}>
        <form
          class="reference-form"
          onSubmit={(event) => {
            event.preventDefault()
            const data = new FormData(event.currentTarget)
            const changes = (
              [
                [props.documentId, String(data.get('document-reference') ?? '').trim()],
                [null, String(data.get('workspace-reference') ?? '').trim()],
              ] as const
            ).filter(([documentId, value]) => value !== own(documentId))
            void (async () => {
              for (const [documentId, value] of changes) await save(documentId, value)
            })()
          }}
        >
          <label for="document-reference">{t('referenceDocument', { party: myParty() })}</label>
          <input
            id="document-reference"
            name="document-reference"
            maxLength={60}
            value={own(props.documentId)}
          />
          <label for="workspace-reference">{t('referenceWorkspace', { party: myParty() })}</label>
          <input id="workspace-reference" name="workspace-reference" maxLength={60} value={own(null)} />
          <button type="submit" class="button">
            {t('referenceSave')}
          </button>
          <p role="status" class="hint">
            {message()}
          </p>
        </form>
      </Show>
    </section>
  )
}
