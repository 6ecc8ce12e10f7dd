import { Schema } from 'prosemirror-model'

/**
 * The rich-text schema every `richtext` field is edited with. Node and mark names are the contract with
 * shared/ydoc/rich-text-ydoc.ts (which reads and writes the same Yjs layout without ProseMirror):
 * paragraph, heading{level 1–3}, bullet_list, ordered_list, list_item; strong, em, link{href}.
 */
export const richTextSchema = new Schema({
  nodes: {
    doc: { content: 'block*' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', 0],
    },
    heading: {
      group: 'block',
      content: 'inline*',
      attrs: { level: { default: 1 } },
      defining: true,
      parseDOM: [1, 2, 3].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      // Field labels are h3; headings inside a field start below them.
      toDOM: (node) => [`h${Math.min(6, Number(node.attrs.level) + 3)}`, 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: () => ['ul', 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ol' }],
      toDOM: () => ['ol', 0],
    },
    list_item: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', 0],
    },
    text: { group: 'inline' },
  },
  marks: {
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }],
      toDOM: () => ['strong', 0],
    },
    em: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }],
      toDOM: () => ['em', 0],
    },
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [
        { tag: 'a[href]', getAttrs: (dom) => ({ href: (dom as HTMLElement).getAttribute('href') }) },
      ],
      toDOM: (mark) => [
        'a',
        { href: mark.attrs.href as string, rel: 'noopener noreferrer', target: '_blank' },
        0,
      ],
    },
  },
})
