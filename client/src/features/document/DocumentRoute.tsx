import { useParams } from '@solidjs/router'
import { createResource, type JSX, Show } from 'solid-js'
import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import type { DocumentRecord } from '../../../../shared/schema/document-record'
import { ApiRequestError } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import { loadDocumentRoute } from './loadDocumentRoute'

/**
 * A page about one document (`/w/:workspaceId/…/:documentId`): loads its registry entry and the workspace,
 * says so while it does, and shows why when it cannot (not a member, or any other error).
 */
export const DocumentRoute = (props: {
  readonly class?: string
  readonly children: (record: DocumentRecord, view: WorkspaceView) => JSX.Element
}) => {
  const { t } = useI18n()
  const params = useParams<{ workspaceId: string; documentId: string }>()
  const [data] = createResource(
    () => [params.workspaceId, params.documentId] as const,
    ([workspaceId, documentId]) => loadDocumentRoute(workspaceId, documentId),
  )
  return (
    <div class={`page ${props.class ?? ''}`}>
      <Show when={!data.loading} fallback={<p>{t('loading')}</p>}>
        <Show
          when={data()}
          fallback={
            <p class="error" role="alert">
              {data.error instanceof ApiRequestError && data.error.status === 401
                ? t('notAMember')
                : t('errorGeneric', { message: String(data.error) })}
            </p>
          }
        >
          {(loaded) => props.children(loaded().record, loaded().view)}
        </Show>
      </Show>
    </div>
  )
}
