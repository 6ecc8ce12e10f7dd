import * as z from 'zod/mini'
import { unexpectedCase } from '../errors'
import { lazySchema } from '../schema/lazy-schema'

/**
 * Rich text as a plain value: the shape of the ProseMirror schema the editor uses (paragraphs, headings,
 * bullet and numbered lists, bold, italic, links), so exports and diffs can read it without an editor.
 */
export const Inline = lazySchema(() =>
  z.object({
    text: z.string().check(z.minLength(1)),
    bold: z.optional(z.literal(true)),
    italic: z.optional(z.literal(true)),
    link: z.optional(z.string().check(z.minLength(1), z.maxLength(2_000))),
  }),
)
export type Inline = z.infer<typeof Inline>

export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { type: 'bullet_list'; items: Block[][] }
  | { type: 'ordered_list'; items: Block[][] }

export const Block: z.ZodMiniType<Block> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), content: z.array(Inline) }),
    z.object({
      type: z.literal('heading'),
      level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      content: z.array(Inline),
    }),
    z.object({
      type: z.literal('bullet_list'),
      items: z.array(z.array(Block).check(z.minLength(1))).check(z.minLength(1)),
    }),
    z.object({
      type: z.literal('ordered_list'),
      items: z.array(z.array(Block).check(z.minLength(1))).check(z.minLength(1)),
    }),
  ]),
)

export const RichText = lazySchema(() => z.array(Block))
export type RichText = Block[]

const sameMarks = (a: Inline, b: Inline): boolean =>
  a.bold === b.bold && a.italic === b.italic && a.link === b.link

/** Merges neighbouring runs with the same marks and drops empty ones: the form Yjs reads text back in. */
export const normalizeInlines = (inlines: readonly Inline[]): Inline[] => {
  const out: Inline[] = []
  for (const inline of inlines) {
    if (inline.text === '') continue
    const last = out.at(-1)
    if (last !== undefined && sameMarks(last, inline))
      out[out.length - 1] = { ...last, text: last.text + inline.text }
    else out.push({ ...inline })
  }
  return out
}

export const normalizeRichText = (blocks: readonly Block[]): RichText =>
  blocks.map((block): Block => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return { ...block, content: normalizeInlines(block.content) }
      case 'bullet_list':
      case 'ordered_list':
        return { ...block, items: block.items.map((item) => normalizeRichText(item)) }
      default:
        return unexpectedCase(block)
    }
  })

/** The text of rich text without formatting, blocks separated by newlines (for search, counts and diffs). */
export const plainText = (blocks: readonly Block[]): string =>
  blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return block.content.map((inline) => inline.text).join('')
        case 'bullet_list':
        case 'ordered_list':
          return block.items.map((item) => plainText(item)).join('\n')
        default:
          return unexpectedCase(block)
      }
    })
    .join('\n')

/** Rich text holding one paragraph per line of `text` (for prefilled and imported text). */
export const richTextFromPlain = (text: string): RichText =>
  text === ''
    ? []
    : text.split('\n').map((line) => ({ type: 'paragraph', content: line === '' ? [] : [{ text: line }] }))
