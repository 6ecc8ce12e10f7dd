import * as Y from 'yjs'
import type { BudgetRow } from '../document/budget'
import type { ChecklistAnswer } from '../document/field-value'
import type { FieldOf } from '../templates/template'
import {
  budgetRowsName,
  cellKey,
  fieldTypeName,
  newBudgetRow,
  newListItem,
  newTableRow,
  orderedItems,
} from './document-ydoc'

/*
 * Co-editing actions on a document's Y.Doc, one small transaction each, so that two people working on the
 * same list, table or budget at once both keep their changes (nothing replaces a whole value). The UI calls
 * these; item ids come from the caller (random), so concurrent additions never collide.
 */

const orderOf = (item: Y.Map<unknown> | undefined): number => {
  const order = item?.get('order')
  return typeof order === 'number' && Number.isFinite(order) ? order : 0
}

/** An order number after every item (for appending). */
const orderAfterLast = (map: Y.Map<unknown>): number => {
  const items = orderedItems(map)
  return items.length === 0 ? 0 : orderOf(items.at(-1)?.[1]) + 1
}

/** Adds an item to a list field; returns its id. */
export const addListItem = (doc: Y.Doc, field: FieldOf<'list'>, id: string, text = ''): string => {
  const map = doc.getMap(fieldTypeName(field))
  doc.transact(() => map.set(id, newListItem(text, orderAfterLast(map))))
  return id
}

/** Adds a row to a table field with empty cells; returns its id. */
export const addTableRow = (doc: Y.Doc, field: FieldOf<'table'>, id: string): string => {
  const map = doc.getMap(fieldTypeName(field))
  const cells = Object.fromEntries(
    field.columns.map((column) => [column.id, column.type === 'text' || column.type === 'date' ? '' : null]),
  )
  doc.transact(() => map.set(id, newTableRow(field, cells, orderAfterLast(map))))
  return id
}

/** Adds a budget row; returns its id. */
export const addBudgetRow = (
  doc: Y.Doc,
  field: FieldOf<'budget'>,
  id: string,
  row: Omit<BudgetRow, 'id'>,
): string => {
  const map = doc.getMap(budgetRowsName(field))
  doc.transact(() => map.set(id, newBudgetRow(row, orderAfterLast(map))))
  return id
}

/** Removes an item, row or budget row by id from the map it lives in. */
export const removeItem = (doc: Y.Doc, mapName: string, id: string): void => {
  doc.transact(() => doc.getMap(mapName).delete(id))
}

/**
 * Moves an item one place up or down by giving it an order number between its new neighbours: one value
 * change, so someone typing inside the item keeps their text.
 */
export const moveItem = (doc: Y.Doc, mapName: string, id: string, direction: -1 | 1): void => {
  const map = doc.getMap(mapName)
  const items = orderedItems(map)
  const index = items.findIndex(([key]) => key === id)
  const target = index + direction
  if (index < 0 || target < 0 || target >= items.length) return
  const neighbour = orderOf(items[target]![1])
  const beyond = items[target + direction]
  const next = beyond === undefined ? neighbour + direction : (neighbour + orderOf(beyond[1])) / 2
  doc.transact(() => items[index]![1].set('order', next))
}

/** Sets a plain value in an item map (a number cell, a date, a budget row's party, kind or amounts). */
export const setItemValue = (doc: Y.Doc, mapName: string, id: string, key: string, value: unknown): void => {
  const item = doc.getMap(mapName).get(id)
  if (!(item instanceof Y.Map)) return
  doc.transact(() => item.set(key, value))
}

/** The Y.Text of an item's text (a list item, a text cell, a budget description), created if missing. */
export const itemText = (doc: Y.Doc, mapName: string, id: string, key: string): Y.Text | null => {
  const item = doc.getMap(mapName).get(id)
  if (!(item instanceof Y.Map)) return null
  const text = item.get(key)
  return text instanceof Y.Text ? text : null
}

export const setChecklistAnswer = (
  doc: Y.Doc,
  field: FieldOf<'checklist'>,
  statementId: string,
  answer: ChecklistAnswer | null,
): void => {
  doc.transact(() => doc.getMap(fieldTypeName(field)).set(statementId, answer))
}

/** Sets a date or choice field's value. */
export const setSimpleValue = (doc: Y.Doc, fieldId: string, value: string | null): void => {
  doc.transact(() => doc.getMap('fields').set(fieldId, value))
}

export const setHourlyValue = (doc: Y.Doc, field: FieldOf<'budget'>, value: number | null): void => {
  doc.transact(() => doc.getMap(fieldTypeName(field)).set('hourlyValue', value))
}

export { cellKey }
