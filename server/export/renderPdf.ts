import type { Block, Inline } from '../../shared/document/rich-text'
import type { Outline, OutlineBlock } from '../../shared/export/outline'
import { pdfFonts } from './fonts'

const fontOf = (run: Inline): keyof typeof pdfFonts =>
  run.bold && run.italic ? 'boldItalic' : run.bold ? 'bold' : run.italic ? 'italic' : 'regular'

const writeInlines = (
  pdf: PDFKit.PDFDocument,
  runs: readonly Inline[],
  options: PDFKit.Mixins.TextOptions = {},
): void => {
  if (runs.length === 0) {
    pdf.moveDown(0.5)
    return
  }
  runs.forEach((run, index) => {
    pdf.font(fontOf(run)).fillColor(run.link === undefined ? 'black' : '#1a4d8f')
    pdf.text(run.text, {
      ...options,
      continued: index < runs.length - 1,
      ...(run.link === undefined ? {} : { link: run.link, underline: true }),
      ...(run.link === undefined ? { underline: false } : {}),
    })
  })
  pdf.fillColor('black').font('regular')
}

const writeRich = (pdf: PDFKit.PDFDocument, blocks: readonly Block[], indent = 0): void => {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        writeInlines(pdf, block.content, { indent })
        pdf.moveDown(0.3)
        break
      case 'heading':
        pdf.fontSize(block.level === 1 ? 13 : 12)
        writeInlines(
          pdf,
          block.content.map((run) => ({ ...run, bold: true as const })),
          { indent },
        )
        pdf.fontSize(10.5).moveDown(0.2)
        break
      case 'bullet_list':
      case 'ordered_list':
        block.items.forEach((item, index) => {
          const marker = block.type === 'bullet_list' ? '•' : `${index + 1}.`
          const [first, ...rest] = item
          pdf.font('regular').text(`${marker} `, { indent: indent + 8, continued: true })
          if (first !== undefined && (first.type === 'paragraph' || first.type === 'heading')) {
            writeInlines(pdf, first.content.length > 0 ? first.content : [{ text: ' ' }])
          } else {
            pdf.text(' ')
            if (first !== undefined) writeRich(pdf, [first], indent + 18)
          }
          writeRich(pdf, rest, indent + 18)
        })
        pdf.moveDown(0.3)
        break
    }
  }
}

const writeBlock = (pdf: PDFKit.PDFDocument, item: OutlineBlock): void => {
  switch (item.kind) {
    case 'rich':
      writeRich(pdf, item.blocks)
      return
    case 'text':
      pdf.font('regular').text(item.text).moveDown(0.3)
      return
    case 'empty':
      pdf.font('italic').fillColor('#444').text(item.text).fillColor('black').font('regular').moveDown(0.3)
      return
    case 'list':
      for (const text of item.items) pdf.font('regular').text(`• ${text}`, { indent: 8 })
      pdf.moveDown(0.3)
      return
    case 'table':
      pdf.fontSize(9)
      pdf.table({
        defaultStyle: { padding: 3, border: 0.5, borderColor: '#777' },
        // Numbers need little room; the text columns share the rest, so descriptions do not wrap mid-word.
        columnStyles: (index: number) => (item.numeric?.includes(index) ? { width: 62 } : { width: '*' }),
        data: [
          item.headers.map((text) => ({ text, type: 'TH' as const, font: { src: pdfFonts.bold } })),
          ...item.rows.map((row) =>
            row.map((text, index) => ({
              text,
              align: {
                x: item.numeric?.includes(index) ? ('right' as const) : ('left' as const),
                y: 'top' as const,
              },
            })),
          ),
        ],
      })
      pdf.fontSize(10.5).moveDown(0.5)
      return
  }
}

/**
 * pdfkit writes the document information into the XMP metadata as is: characters XML gives meaning to are
 * swapped for look-alikes, so the metadata stays well-formed and the same in both places (PDF/A asks that).
 */
const metadataText = (text: string): string =>
  text.replaceAll('&', '＆').replaceAll('<', '‹').replaceAll('>', '›').replaceAll('"', '”')

const MARGIN = 56

/** The running header and the page number, written onto every page once the content is laid out. */
const writeRunningText = (pdf: PDFKit.PDFDocument, outline: Outline): void => {
  const { start, count } = pdf.bufferedPageRange()
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index)
    // In the margins: the page's own margins would push the text onto a new page.
    const { top, bottom } = pdf.page.margins
    pdf.page.margins.top = 0
    pdf.page.margins.bottom = 0
    const width = pdf.page.width - 2 * MARGIN
    pdf.font('regular').fontSize(8).fillColor('#333333')
    pdf.text(outline.running, MARGIN, MARGIN / 2 - 4, { width, lineBreak: false, ellipsis: true })
    const label = outline.pageLabel
      .replace('{page}', String(index - start + 1))
      .replace('{pages}', String(count))
    pdf.text(label, MARGIN, pdf.page.height - MARGIN / 2 - 4, {
      width,
      align: 'right',
      lineBreak: false,
    })
    pdf.page.margins.top = top
    pdf.page.margins.bottom = bottom
  }
  pdf.fillColor('black')
}

/**
 * The export as a record: a tagged A4 PDF/A-2b (XMP metadata with the title, the parties and what the
 * record is; an sRGB output intent; every font embedded) with the partnership, document, version and short
 * hash at the top of every page and "Sida n av m" at the bottom.
 */
export const renderPdf = async (outline: Outline): Promise<Buffer> => {
  // Loaded on the first PDF, not at start: pdfkit is ~23 MiB a server that never exports need not hold.
  const { default: PDFDocument } = await import('pdfkit')
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      lang: outline.lang === 'sv' ? 'sv-SE' : 'en-GB',
      displayTitle: true,
      tagged: true,
      pdfVersion: '1.7',
      subset: 'PDF/A-2b',
      info: {
        Title: metadataText(outline.title),
        Author: metadataText(outline.parties),
        Subject: metadataText(outline.running),
        Creator: 'Samverkstad',
        Producer: 'Samverkstad',
      },
      bufferPages: true,
    })
    for (const [name, file] of Object.entries(pdfFonts)) pdf.registerFont(name, file)
    const chunks: Buffer[] = []
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)

    pdf.font('bold').fontSize(18).text(outline.title).moveDown(0.5)
    pdf.fontSize(9)
    for (const [label, value] of outline.header) {
      pdf.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value)
    }
    pdf.moveDown(1).fontSize(10.5)
    for (const section of outline.sections) {
      pdf.font('bold').fontSize(14).text(section.title).moveDown(0.3).fontSize(10.5)
      for (const field of section.fields) {
        pdf.font('bold').fontSize(11).text(field.label).font('regular').fontSize(10.5).moveDown(0.2)
        for (const block of field.blocks) writeBlock(pdf, block)
        pdf.moveDown(0.4)
      }
      pdf.moveDown(0.5)
    }
    writeRunningText(pdf, outline)
    pdf.end()
  })
}
