import { For } from 'solid-js'
import type * as Y from 'yjs'
import type { ChecklistAnswer, ChecklistEntry } from '../../../../../shared/document/field-value'
import type { FieldOf } from '../../../../../shared/templates/template'
import { checklistCommentName } from '../../../../../shared/ydoc/document-ydoc'
import { setChecklistAnswer } from '../../../../../shared/ydoc/field-actions'
import { useI18n } from '../../../i18n/i18n'
import type { MessageKey } from '../../../i18n/messages'
import { YTextInput } from './YTextInput'

const answers: ReadonlyArray<{ value: ChecklistAnswer; label: MessageKey }> = [
  { value: 'yes', label: 'answerYes' },
  { value: 'no', label: 'answerNo' },
  { value: 'unsure', label: 'answerUnsure' },
]

/** Statements answered yes / no / unsure, each with a comment. */
export const ChecklistEditor = (props: {
  readonly doc: Y.Doc
  readonly field: FieldOf<'checklist'>
  readonly entries: Readonly<Record<string, ChecklistEntry>>
  readonly readOnly: boolean
  readonly onFocus: () => void
}) => {
  const { t, locale } = useI18n()
  return (
    <ol class="checklist">
      <For each={props.field.statements}>
        {(statement) => (
          <li>
            <fieldset>
              <legend>{statement.text[locale()]}</legend>
              <div class="answers">
                <For each={answers}>
                  {(answer) => (
                    <label class="choice">
                      <input
                        type="radio"
                        name={`${props.field.id}-${statement.id}`}
                        checked={props.entries[statement.id]?.answer === answer.value}
                        disabled={props.readOnly}
                        onFocus={props.onFocus}
                        onChange={() =>
                          setChecklistAnswer(props.doc, props.field, statement.id, answer.value)
                        }
                      />{' '}
                      {t(answer.label)}
                    </label>
                  )}
                </For>
              </div>
              <YTextInput
                text={props.doc.getText(checklistCommentName(props.field, statement.id))}
                label={`${t('comment')}: ${statement.text[locale()]}`}
                multiline
                readOnly={props.readOnly}
                onFocus={props.onFocus}
              />
            </fieldset>
          </li>
        )}
      </For>
    </ol>
  )
}
