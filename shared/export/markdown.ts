import type { Block, Inline } from '../document/rich-text'
import type { Outline, OutlineBlock } from './outline'

/**
 * What Markdown would read as formatting, escaped so a partner's text prints as written: inline markers
 * anywhere, block markers (headings, list bullets, numbers, quotes) only where they start a line.
 */
const escapeMarkdown = (text: string): string =>
  text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#+\-=>])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')

const inline = (run: Inline): string => {
  let text = escapeMarkdown(run.text)
  if (run.bold) text = `**${text}**`
  if (run.italic) text = `*${text}*`
  if (run.link !== undefined) text = `[${text}](${run.link.replace(/[()\s]/g, encodeURIComponent)})`
  return text
}

const richBlock = (block: Block, indent = ''): string => {
  switch (block.type) {
    case 'paragraph':
      return indent + block.content.map(inline).join('')
    case 'heading':
      return `${indent}${'#'.repeat(block.level + 3)} ${block.content.map(inline).join('')}`
    case 'bullet_list':
    case 'ordered_list':
      return block.items
        .map((item, index) => {
          const marker = block.type === 'bullet_list' ? '- ' : `${index + 1}. `
          const [first, ...rest] = item
          const head = first === undefined ? '' : richBlock(first).trimStart()
          const tail = rest.map((child) => richBlock(child, `${indent}   `))
          return [`${indent}${marker}${head}`, ...tail].join('\n')
        })
        .join('\n')
  }
}

const cell = (text: string): string => escapeMarkdown(text).replace(/\n/g, '<br>')

const block = (item: OutlineBlock): string => {
  switch (item.kind) {
    case 'rich':
      return item.blocks.map((b) => richBlock(b)).join('\n\n')
    case 'text':
      return escapeMarkdown(item.text)
    case 'empty':
      return `*${escapeMarkdown(item.text)}*`
    case 'list':
      return item.items.map((text) => `- ${escapeMarkdown(text)}`).join('\n')
    case 'table':
      return [
        `| ${item.headers.map(cell).join(' | ')} |`,
        `| ${item.headers.map((_, i) => (item.numeric?.includes(i) ? '---:' : '---')).join(' | ')} |`,
        ...item.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ].join('\n')
  }
}

/** The export as Markdown: header lines, then each section and field with its label. */
export const renderMarkdown = (outline: Outline): string => {
  const lines = [
    `# ${escapeMarkdown(outline.title)}`,
    '',
    ...outline.header.map(([label, value]) => `- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`),
    '',
  ]
  for (const section of outline.sections) {
    lines.push(`## ${escapeMarkdown(section.title)}`, '')
    for (const field of section.fields) {
      lines.push(`### ${escapeMarkdown(field.label)}`, '')
      for (const item of field.blocks) lines.push(block(item), '')
    }
  }
  return `${lines.join('\n').trimEnd()}\n`
}
