import * as Y from 'yjs'
import { type Block, type Inline, normalizeInlines } from '../document/rich-text'

/**
 * Rich text in a `Y.XmlFragment`, laid out exactly as y-prosemirror lays out a ProseMirror document: one
 * `Y.XmlElement` per node named after its type (`paragraph`, `heading`, `bullet_list`, `ordered_list`,
 * `list_item`), node attributes as element attributes (`level`), and the text of a block as one `Y.XmlText`
 * whose formatting attributes are the marks (`strong`, `em`, `link` with `{href}`). So the editor binding and
 * this plain reading agree on every document.
 */

type MarkAttributes = Record<string, Record<string, unknown>>

const marksOf = (inline: Inline): MarkAttributes => {
  const marks: MarkAttributes = {}
  if (inline.bold) marks.strong = {}
  if (inline.italic) marks.em = {}
  if (inline.link !== undefined) marks.link = { href: inline.link }
  return marks
}

const textElement = (content: readonly Inline[]): Y.XmlText | null => {
  const inlines = normalizeInlines(content)
  if (inlines.length === 0) return null
  const text = new Y.XmlText()
  text.applyDelta(inlines.map((inline) => ({ insert: inline.text, attributes: marksOf(inline) })))
  return text
}

const blockElement = (block: Block): Y.XmlElement => {
  const element = new Y.XmlElement(block.type)
  switch (block.type) {
    case 'paragraph':
    case 'heading': {
      if (block.type === 'heading') element.setAttribute('level', block.level as unknown as string)
      const text = textElement(block.content)
      if (text !== null) element.insert(0, [text])
      return element
    }
    case 'bullet_list':
    case 'ordered_list':
      element.insert(
        0,
        block.items.map((item) => {
          const listItem = new Y.XmlElement('list_item')
          listItem.insert(0, item.map(blockElement))
          return listItem
        }),
      )
      return element
  }
}

/** Replaces the fragment's content with `blocks` (in the caller's transaction). */
export const writeRichText = (fragment: Y.XmlFragment, blocks: readonly Block[]): void => {
  if (fragment.length > 0) fragment.delete(0, fragment.length)
  fragment.insert(0, blocks.map(blockElement))
}

/** y-prosemirror suffixes overlapping marks with a hash (`strong--AbCd1234`); the mark is the part before. */
const markName = (attribute: string): string => /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(attribute)?.[1] ?? attribute

const inlinesOf = (text: Y.XmlText): Inline[] => {
  const delta = text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>
  const inlines: Inline[] = []
  for (const { insert, attributes = {} } of delta) {
    if (typeof insert !== 'string' || insert === '') continue
    const inline: Inline = { text: insert }
    for (const [key, value] of Object.entries(attributes)) {
      const mark = markName(key)
      if (mark === 'strong') inline.bold = true
      else if (mark === 'em') inline.italic = true
      else if (mark === 'link') {
        const href = (value as { href?: unknown } | null)?.href
        if (typeof href === 'string' && href !== '') inline.link = href
      }
    }
    inlines.push(inline)
  }
  return normalizeInlines(inlines)
}

const contentOf = (element: Y.XmlElement): Inline[] =>
  normalizeInlines(element.toArray().flatMap((child) => (child instanceof Y.XmlText ? inlinesOf(child) : [])))

const headingLevel = (value: unknown): 1 | 2 | 3 => {
  const level = Number(value)
  return level === 1 || level === 2 ? level : 3
}

const readBlocks = (children: ReadonlyArray<Y.XmlElement | Y.XmlText | Y.XmlHook>): Block[] => {
  const blocks: Block[] = []
  for (const child of children) {
    if (!(child instanceof Y.XmlElement)) continue
    switch (child.nodeName) {
      case 'heading':
        blocks.push({
          type: 'heading',
          level: headingLevel(child.getAttribute('level')),
          content: contentOf(child),
        })
        break
      case 'bullet_list':
      case 'ordered_list': {
        const items = child
          .toArray()
          .filter((item): item is Y.XmlElement => item instanceof Y.XmlElement)
          .map((item) => readBlocks(item.toArray()))
          .filter((item) => item.length > 0)
        if (items.length > 0) blocks.push({ type: child.nodeName, items })
        break
      }
      default:
        // Paragraphs, and any node type a newer editor may add, read as paragraphs of their text.
        blocks.push({ type: 'paragraph', content: contentOf(child) })
    }
  }
  return blocks
}

/** The fragment's content as plain rich text. */
export const readRichText = (fragment: Y.XmlFragment): Block[] => readBlocks(fragment.toArray())
