import type { EditorView } from 'prosemirror-view'
import { createMemo, createSignal, For, Index, Show } from 'solid-js'
import type * as Y from 'yjs'
import {
  findVocabulary,
  type VocabularyHit,
  type VocabularyTerm,
} from '../../../../shared/agreement/vocabulary'
import type { VocabularyState } from '../../../../shared/api/workspace-api'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import { fieldPlainText } from '../../../../shared/document/field-text'
import type { DocumentValue } from '../../../../shared/document/field-value'
import { fieldsOf, type Template } from '../../../../shared/templates/template'
import { fieldTypeName } from '../../../../shared/ydoc/document-ydoc'
import { call } from '../../api/api'
import { editorHits, replaceEditorHit } from '../../editor/vocabularyPlugin'
import { useI18n } from '../../i18n/i18n'
import { swedishLexicon } from '../../model/swedishLexicon'

interface FieldHit {
  readonly fieldId: string
  readonly label: string
  /** Which hit of its field this is, in order (the editor finds them in the same order). */
  readonly index: number
  readonly hit: VocabularyHit
}

/**
 * "Språkguide": every purchase or sanction word in the document with the partnership word to use instead.
 * Words in rich text and one-line text are replaced from here; in other fields the button shows where.
 */
export const VocabularyPanel = (props: {
  readonly workspaceId: string
  readonly canEdit: boolean
  readonly vocabulary: VocabularyState | undefined
  readonly onVocabulary: (state: VocabularyState) => void
  readonly doc: Y.Doc
  readonly value: DocumentValue
  readonly template: Template
  readonly views: ReadonlyMap<string, EditorView>
  readonly readOnly: boolean
  readonly onShowField: (fieldId: string) => void
}) => {
  const { t, locale } = useI18n()
  const hits = createMemo<FieldHit[]>(() =>
    fieldsOf(props.template).flatMap((field) =>
      findVocabulary(
        fieldPlainText(field, props.value.fields[field.id]),
        props.vocabulary?.terms,
        swedishLexicon(),
      ).map((hit, index) => ({ fieldId: field.id, label: field.label[locale()], index, hit })),
    ),
  )
  const kindOf = (fieldId: string) => fieldsOf(props.template).find((field) => field.id === fieldId)?.kind
  const canReplace = (entry: FieldHit) =>
    !props.readOnly &&
    entry.hit.replacement !== null &&
    ((kindOf(entry.fieldId) === 'richtext' && props.views.has(entry.fieldId)) ||
      kindOf(entry.fieldId) === 'text')
  const replace = (entry: FieldHit) => {
    if (kindOf(entry.fieldId) === 'text') {
      const text = props.doc.getText(fieldTypeName({ id: entry.fieldId }))
      props.doc.transact(() => {
        text.delete(entry.hit.start, entry.hit.end - entry.hit.start)
        text.insert(entry.hit.start, entry.hit.replacement ?? entry.hit.found)
      })
      return
    }
    const view = props.views.get(entry.fieldId)
    const found = view === undefined ? undefined : editorHits(view.state)[entry.index]
    if (view === undefined || found === undefined || found.found !== entry.hit.found) {
      props.onShowField(entry.fieldId)
      return
    }
    replaceEditorHit(view, found)
  }
  return (
    <div class="vocabulary-panel">
      <p class="hint">{t('vocabularyIntro')}</p>
      <p class="hint">{t('vocabularyKeyHint')}</p>
      <Show when={props.canEdit && props.vocabulary}>
        {(state) => (
          <WordListEditor workspaceId={props.workspaceId} state={state()} onSaved={props.onVocabulary} />
        )}
      </Show>
      <Show when={hits().length > 0} fallback={<p data-vocabulary-empty="true">{t('vocabularyNone')}</p>}>
        <ul class="vocabulary-hits">
          <For each={hits()}>
            {(entry) => (
              <li data-vocabulary-hit={entry.hit.found}>
                <p>
                  <strong>{entry.label}</strong>
                  <br />
                  {entry.hit.replacement === null
                    ? `”${entry.hit.found}” – ${t('vocabularyCompound', { suggestion: entry.hit.suggestion })}`
                    : t('vocabularyHit', { found: entry.hit.found, suggestion: entry.hit.replacement })}
                  <Show when={entry.hit.kind === 'sanction'}> ({t('vocabularySanction')})</Show>
                </p>
                <Show
                  when={canReplace(entry)}
                  fallback={
                    <button
                      type="button"
                      class="button button-quiet"
                      onClick={() => props.onShowField(entry.fieldId)}
                    >
                      {t('vocabularyShow')}
                    </button>
                  }
                >
                  <button type="button" class="button" onClick={() => replace(entry)}>
                    {t('vocabularyReplace', { suggestion: entry.hit.replacement ?? '' })}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  )
}

/** The workspace's own word list: facilitators add, change and remove terms, or go back to SKL's list. */
const WordListEditor = (props: {
  readonly workspaceId: string
  readonly state: VocabularyState
  readonly onSaved: (state: VocabularyState) => void
}) => {
  const { t } = useI18n()
  const [open, setOpen] = createSignal(false)
  const [terms, setTerms] = createSignal<VocabularyTerm[]>([])
  const [message, setMessage] = createSignal('')
  const start = () => {
    setTerms(props.state.terms.map((term) => ({ ...term, forms: [...term.forms] })))
    setMessage('')
    setOpen(true)
  }
  // A term or suggestion retyped no longer fits its declared forms: they go, and matching falls back to
  // the stem and its endings.
  const change = (index: number, patch: Partial<VocabularyTerm>) =>
    setTerms(
      terms().map((term, i) => {
        if (i !== index) return term
        const { paradigm, compoundFirst, suggestionParadigm, ...plain } = { ...term, ...patch }
        return {
          ...plain,
          ...(patch.term === undefined && paradigm !== undefined ? { paradigm } : {}),
          ...(patch.term === undefined && compoundFirst !== undefined ? { compoundFirst } : {}),
          ...(patch.suggestion === undefined && suggestionParadigm !== undefined
            ? { suggestionParadigm }
            : {}),
        }
      }),
    )
  const save = async (next: VocabularyTerm[] | null) => {
    try {
      const saved = await call(workspaceApi.setVocabulary, {
        params: { workspaceId: props.workspaceId },
        body: {
          terms: next?.filter((term) => term.term.trim() !== '' && term.suggestion.trim() !== '') ?? null,
        },
      })
      props.onSaved(saved)
      setMessage(t('vocabularySaved'))
      setOpen(false)
    } catch (error) {
      setMessage(String(error))
    }
  }
  return (
    <div class="word-list">
      <p role="status">{message()}</p>
      <Show
        when={open()}
        fallback={
          <button type="button" class="button button-quiet" onClick={start}>
            {t('vocabularyEdit')}
          </button>
        }
      >
        <fieldset>
          <legend>{t('vocabularyEditTitle')}</legend>
          <Index each={terms()}>
            {(term, index) => (
              <div class="word-row">
                <label>
                  {t('vocabularyTerm')}
                  <input
                    value={term().term}
                    maxLength={60}
                    onChange={(e) => change(index, { term: e.currentTarget.value })}
                  />
                </label>
                <label>
                  {t('vocabularySuggestionLabel')}
                  <input
                    value={term().suggestion}
                    maxLength={60}
                    onChange={(e) => change(index, { suggestion: e.currentTarget.value })}
                  />
                </label>
                <label>
                  {t('vocabularyKind')}
                  <select
                    value={term().kind}
                    onChange={(e) => change(index, { kind: e.currentTarget.value as VocabularyTerm['kind'] })}
                  >
                    <option value="purchase">{t('vocabularyKindPurchase')}</option>
                    <option value="sanction">{t('vocabularyKindSanction')}</option>
                  </select>
                </label>
                <button
                  type="button"
                  class="button button-quiet"
                  onClick={() => setTerms(terms().filter((_, i) => i !== index))}
                >
                  {t('vocabularyRemove', { term: term().term })}
                </button>
              </div>
            )}
          </Index>
          <div class="button-row">
            <button
              type="button"
              class="button button-quiet"
              onClick={() =>
                setTerms([...terms(), { term: '', suggestion: '', kind: 'purchase', forms: [] }])
              }
            >
              {t('vocabularyAdd')}
            </button>
            <button type="button" class="button" onClick={() => void save(terms())}>
              {t('vocabularySave')}
            </button>
            <button type="button" class="button button-quiet" onClick={() => void save(null)}>
              {t('vocabularyReset')}
            </button>
          </div>
        </fieldset>
      </Show>
    </div>
  )
}
