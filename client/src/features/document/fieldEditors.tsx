import type { EditorView } from 'prosemirror-view'
import type { JSX } from 'solid-js'
import type { VocabularyTerm } from '../../../../shared/agreement/vocabulary'
import type { FieldValues } from '../../../../shared/document/field-value'
import type { Party } from '../../../../shared/schema/party'
import type { Field, FieldKind, FieldOf } from '../../../../shared/templates/template'
import { fieldTypeName } from '../../../../shared/ydoc/document-ydoc'
import type { AuthorOf } from '../../editor/partyColourPlugin'
import type { DocumentSession } from '../../model/createDocumentSession'
import { BudgetEditor } from './fields/BudgetEditor'
import { ChecklistEditor } from './fields/ChecklistEditor'
import { ListEditor } from './fields/ListEditor'
import { RichTextEditor } from './fields/RichTextEditor'
import { ChoiceEditor, DateEditor } from './fields/SimpleEditors'
import { TableEditor } from './fields/TableEditor'
import { YTextInput } from './fields/YTextInput'

/** What every field's editor is given besides its field and value. */
export interface FieldEditorContext {
  readonly session: DocumentSession
  /** The id of the card's label, for `aria-labelledby`. */
  readonly labelId: string
  /** The field's label in the current language (rich text names its editor with it). */
  readonly label: string
  readonly parties: readonly Party[]
  /** The person entered the field (tells the others where they are). */
  readonly onFocus: () => void
  /** Escape in a rich-text editor: back to the card. */
  readonly onEscape: () => void
  /** A rich-text editor was created (or destroyed: null), for the language guide's replacements. */
  readonly onView: (view: EditorView | null) => void
  readonly vocabulary: () => readonly VocabularyTerm[] | undefined
  readonly authorOf: () => AuthorOf | null
}

type FieldEditor<K extends FieldKind> = (
  field: FieldOf<K>,
  value: () => FieldValues[K],
  context: FieldEditorContext,
) => JSX.Element

/**
 * The editor of each field kind, typed by the kind: a new kind in shared/templates/template.ts does not
 * compile until it has an editor here.
 */
export const fieldEditors: { readonly [K in FieldKind]: FieldEditor<K> } = {
  richtext: (field, _value, context) => (
    <div onFocusIn={context.onFocus}>
      <RichTextEditor
        fragment={context.session.doc.getXmlFragment(fieldTypeName(field))}
        awareness={context.session.watchOnly ? null : context.session.awareness}
        fieldId={field.id}
        labelId={context.labelId}
        label={context.label}
        readOnly={context.session.readOnly()}
        onEscape={context.onEscape}
        onView={context.onView}
        vocabulary={context.vocabulary}
        authorOf={context.authorOf}
      />
    </div>
  ),
  text: (field, _value, context) => (
    <YTextInput
      text={context.session.doc.getText(fieldTypeName(field))}
      labelledBy={context.labelId}
      readOnly={context.session.readOnly()}
      onFocus={context.onFocus}
    />
  ),
  list: (field, value, context) => (
    <ListEditor
      doc={context.session.doc}
      field={field}
      items={value()}
      labelId={context.labelId}
      readOnly={context.session.readOnly()}
      onFocus={context.onFocus}
    />
  ),
  table: (field, value, context) => (
    <TableEditor
      doc={context.session.doc}
      field={field}
      rows={value()}
      labelId={context.labelId}
      readOnly={context.session.readOnly()}
      onFocus={context.onFocus}
    />
  ),
  checklist: (field, value, context) => (
    <ChecklistEditor
      doc={context.session.doc}
      field={field}
      entries={value()}
      readOnly={context.session.readOnly()}
      onFocus={context.onFocus}
    />
  ),
  budget: (field, value, context) => (
    <BudgetEditor
      doc={context.session.doc}
      field={field}
      value={value()}
      parties={context.parties}
      readOnly={context.session.readOnly()}
      onFocus={context.onFocus}
    />
  ),
  date: (field, value, context) => (
    <DateEditor
      doc={context.session.doc}
      field={field}
      value={value()}
      labelId={context.labelId}
      readOnly={context.session.readOnly()}
      onFocus={context.onFocus}
    />
  ),
  choice: (field, value, context) => (
    <ChoiceEditor
      doc={context.session.doc}
      field={field}
      value={value()}
      labelId={context.labelId}
      readOnly={context.session.readOnly()}
      onFocus={context.onFocus}
    />
  ),
}

/** The editor for one field, chosen by its kind; its value is read live from the session's store. */
export const FieldEditor = (props: { readonly field: Field; readonly context: FieldEditorContext }) => {
  const editor = fieldEditors[props.field.kind] as FieldEditor<FieldKind>
  const field = props.field
  return editor(
    field as FieldOf<FieldKind>,
    () => props.context.session.fieldValue(field.id) as FieldValues[FieldKind],
    props.context,
  )
}
