import type { EditorView } from 'prosemirror-view'
import { Show } from 'solid-js'
import { can } from '../../../../shared/access/permissions'
import type { VocabularyState, WorkspaceView } from '../../../../shared/api/workspace-api'
import type { DocumentRecord } from '../../../../shared/schema/document-record'
import type { Template } from '../../../../shared/templates/template'
import { useI18n } from '../../i18n/i18n'
import type { DocumentSession } from '../../model/createDocumentSession'
import { Tabs } from '../../ui/Tabs'
import { EqualVoice } from '../aids/EqualVoice'
import { IndicatorsPanel } from '../aids/IndicatorsPanel'
import { VocabularyPanel } from '../aids/VocabularyPanel'
import { ShowOnScreenButton } from '../screen/ShowOnScreenButton'
import { VersionsPanel } from '../versions/VersionsPanel'

export interface DocumentSidePanelProps {
  readonly record: DocumentRecord
  readonly view: WorkspaceView
  readonly template: Template
  readonly session: DocumentSession
  readonly vocabulary: VocabularyState | undefined
  readonly onVocabulary: (vocabulary: VocabularyState) => void
  /** The rich-text editors by field, for the language guide's replacements. */
  readonly views: Map<string, EditorView>
  readonly onShowField: (fieldId: string) => void
}

/** The document's side panel: Versioner, Jämlik röst, Språkguide, and Indikatorer for agreements. */
export const DocumentSidePanel = (props: DocumentSidePanelProps) => {
  const { t } = useI18n()
  return (
    <aside class="side-panel" aria-label={t('sidePanel')}>
      <Tabs
        label={t('sidePanel')}
        idPrefix="side"
        tabs={[
          {
            id: 'versions',
            label: t('tabVersions'),
            content: () => <VersionsPanel record={props.record} view={props.view} session={props.session} />,
          },
          {
            id: 'equal-voice',
            label: t('tabEqualVoice'),
            content: () => (
              <>
                <EqualVoice
                  documentId={props.record.id}
                  parties={props.view.parties}
                  template={props.template}
                />
                <Show when={can(props.view.me.role, 'screen.control')}>
                  <ShowOnScreenButton
                    workspaceId={props.view.workspace.id}
                    content={() => ({ kind: 'equal-voice', documentId: props.record.id })}
                  />
                </Show>
              </>
            ),
          },
          {
            id: 'vocabulary',
            label: t('tabVocabulary'),
            content: () => (
              <VocabularyPanel
                workspaceId={props.view.workspace.id}
                canEdit={can(props.view.me.role, 'workspace.manage')}
                vocabulary={props.vocabulary}
                onVocabulary={props.onVocabulary}
                doc={props.session.doc}
                value={props.session.value}
                template={props.template}
                views={props.views}
                readOnly={props.session.readOnly()}
                onShowField={props.onShowField}
              />
            ),
          },
          ...(props.record.template === 'agreement'
            ? [
                {
                  id: 'indicators',
                  label: t('tabIndicators'),
                  content: () => (
                    <IndicatorsPanel
                      documentId={props.record.id}
                      view={props.view}
                      template={props.template}
                      onShowField={props.onShowField}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </aside>
  )
}
