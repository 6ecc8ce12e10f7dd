import type { Block, Inline } from '../document/rich-text'
import type { Outline, OutlineBlock } from './outline'

/** Everything a person typed goes through this; nothing reaches the page unescaped. */
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

/** Only web and mail links become links; anything else (javascript:, data:) is printed as text. */
const safeHref = (href: string): string | null => (/^(https?:|mailto:)/i.test(href) ? href : null)

const inline = (run: Inline): string => {
  let html = escapeHtml(run.text)
  if (run.bold) html = `<strong>${html}</strong>`
  if (run.italic) html = `<em>${html}</em>`
  if (run.link !== undefined) {
    const href = safeHref(run.link)
    html = href === null ? `${html} (${escapeHtml(run.link)})` : `<a href="${escapeHtml(href)}">${html}</a>`
  }
  return html
}

const richBlock = (block: Block): string => {
  switch (block.type) {
    case 'paragraph':
      return `<p>${block.content.map(inline).join('')}</p>`
    case 'heading':
      return `<h${block.level + 3}>${block.content.map(inline).join('')}</h${block.level + 3}>`
    case 'bullet_list':
    case 'ordered_list': {
      const tag = block.type === 'bullet_list' ? 'ul' : 'ol'
      return `<${tag}>${block.items.map((item) => `<li>${item.map(richBlock).join('')}</li>`).join('')}</${tag}>`
    }
  }
}

const outlineBlock = (item: OutlineBlock): string => {
  switch (item.kind) {
    case 'rich':
      return item.blocks.map(richBlock).join('')
    case 'text':
      return `<p>${escapeHtml(item.text).replace(/\n/g, '<br>')}</p>`
    case 'empty':
      return `<p class="empty">${escapeHtml(item.text)}</p>`
    case 'list':
      return `<ul>${item.items.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ul>`
    case 'table': {
      const align = (i: number) => (item.numeric?.includes(i) ? ' class="num"' : '')
      return `<table><thead><tr>${item.headers.map((h, i) => `<th scope="col"${align(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${item.rows
        .map(
          (row) =>
            `<tr>${row.map((c, i) => `<td${align(i)}>${escapeHtml(c).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`
    }
  }
}

/** Print styles: A4, the system's fonts, nothing fetched from anywhere. */
const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; line-height: 1.5; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .5rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin-bottom: .25rem; }
dl.header { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9rem; border: 1px solid #999; padding: .75rem; }
dl.header dt { font-weight: 600; }
dl.header dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
th, td { border: 1px solid #777; padding: .25rem .4rem; text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.empty { color: #555; font-style: italic; }
section.field { break-inside: avoid; }
`

/** A complete, self-contained HTML page of the export that prints well (save as PDF from the browser). */
export const renderHtml = (outline: Outline): string => {
  const header = outline.header
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('')
  const sections = outline.sections
    .map(
      (section) =>
        `<section><h2>${escapeHtml(section.title)}</h2>${section.fields
          .map(
            (field) =>
              `<section class="field"><h3>${escapeHtml(field.label)}</h3>${field.blocks.map(outlineBlock).join('')}</section>`,
          )
          .join('')}</section>`,
    )
    .join('')
  return `<!doctype html>
<html lang="${outline.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(outline.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(outline.title)}</h1>
<dl class="header">${header}</dl>
${sections}
</main>
</body>
</html>
`
}
