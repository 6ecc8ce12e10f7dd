import type { Paragraph, ParagraphChild, Table } from 'docx'
import type { Block, Inline } from '../../shared/document/rich-text'
import { unexpectedCase } from '../../shared/errors'
import type { Outline, OutlineBlock } from '../../shared/export/outline'

/** docx (~13 MiB) is loaded on the first DOCX export, not at start; the helpers below read it from here. */
let d: typeof import('docx')

/** "Sida {page} av {pages}" with Word's page fields in place of the two numbers. */
const pageNumberRun = (label: string): (string | (typeof d.PageNumber)[keyof typeof d.PageNumber])[] =>
  label
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? d.PageNumber.CURRENT : part === '{pages}' ? d.PageNumber.TOTAL_PAGES : part,
    )

const runs = (inlines: readonly Inline[]): ParagraphChild[] =>
  inlines.map((run) => {
    const text = new d.TextRun({
      text: run.text,
      bold: run.bold ?? false,
      italics: run.italic ?? false,
      ...(run.link ? { style: 'Hyperlink' } : {}),
    })
    return run.link === undefined ? text : new d.ExternalHyperlink({ link: run.link, children: [text] })
  })

const richParagraphs = (blocks: readonly Block[], level = 0): Paragraph[] =>
  blocks.flatMap((block): Paragraph[] => {
    switch (block.type) {
      case 'paragraph':
        return [new d.Paragraph({ children: runs(block.content) })]
      case 'heading':
        return [
          new d.Paragraph({
            heading: block.level === 1 ? d.HeadingLevel.HEADING_4 : d.HeadingLevel.HEADING_5,
            children: runs(block.content),
          }),
        ]
      case 'bullet_list':
      case 'ordered_list':
        return block.items.flatMap((item) => {
          const [first, ...rest] = item
          const head =
            first !== undefined && (first.type === 'paragraph' || first.type === 'heading')
              ? new d.Paragraph({
                  children: runs(first.content),
                  ...(block.type === 'bullet_list'
                    ? { bullet: { level } }
                    : { numbering: { reference: 'ordered', level } }),
                })
              : null
          return [
            ...(head ? [head] : []),
            ...richParagraphs(first !== undefined && head === null ? item : rest, level + 1),
          ]
        })
      default:
        return unexpectedCase(block)
    }
  })

const borders = () => {
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '777777' }
  return { top: border, bottom: border, left: border, right: border }
}

const table = (item: Extract<OutlineBlock, { kind: 'table' }>): Table =>
  new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    rows: [
      new d.TableRow({
        tableHeader: true,
        children: item.headers.map(
          (text) =>
            new d.TableCell({
              borders: borders(),
              children: [new d.Paragraph({ children: [new d.TextRun({ text, bold: true })] })],
            }),
        ),
      }),
      ...item.rows.map(
        (row) =>
          new d.TableRow({
            children: row.map(
              (text, index) =>
                new d.TableCell({
                  borders: borders(),
                  children: text.split('\n').map(
                    (line) =>
                      new d.Paragraph({
                        alignment: item.numeric?.includes(index)
                          ? d.AlignmentType.RIGHT
                          : d.AlignmentType.LEFT,
                        children: [new d.TextRun(line)],
                      }),
                  ),
                }),
            ),
          }),
      ),
    ],
  })

const blockChildren = (item: OutlineBlock): Array<Paragraph | Table> => {
  switch (item.kind) {
    case 'rich':
      return richParagraphs(item.blocks)
    case 'text':
      return item.text.split('\n').map((line) => new d.Paragraph({ children: [new d.TextRun(line)] }))
    case 'empty':
      return [
        new d.Paragraph({ children: [new d.TextRun({ text: item.text, italics: true, color: '555555' })] }),
      ]
    case 'list':
      return item.items.map(
        (text) => new d.Paragraph({ bullet: { level: 0 }, children: [new d.TextRun(text)] }),
      )
    case 'table':
      return [table(item), new d.Paragraph({ children: [] })]
  }
}

/** The export as a Word document (what municipalities file), with the header as a table at the top. */
export const renderDocx = async (outline: Outline): Promise<Buffer> => {
  d = await import('docx')
  const header = new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    rows: outline.header.map(
      ([label, value]) =>
        new d.TableRow({
          children: [
            new d.TableCell({
              borders: borders(),
              width: { size: 25, type: d.WidthType.PERCENTAGE },
              children: [new d.Paragraph({ children: [new d.TextRun({ text: label, bold: true })] })],
            }),
            new d.TableCell({ borders: borders(), children: [new d.Paragraph(value)] }),
          ],
        }),
    ),
  })
  const body: Array<Paragraph | Table> = [
    new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: [new d.TextRun(outline.title)] }),
    header,
  ]
  for (const section of outline.sections) {
    body.push(
      new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, children: [new d.TextRun(section.title)] }),
    )
    for (const field of section.fields) {
      body.push(
        new d.Paragraph({ heading: d.HeadingLevel.HEADING_2, children: [new d.TextRun(field.label)] }),
      )
      for (const item of field.blocks) body.push(...blockChildren(item))
    }
  }
  const document = new d.Document({
    creator: 'Samverkstad',
    title: outline.title,
    description: outline.header.map(([label, value]) => `${label}: ${value}`).join('; '),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: d.LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: d.AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    // The running header and "Sida n av m" on every page, as the PDF has them.
    sections: [
      {
        headers: {
          default: new d.Header({
            children: [new d.Paragraph({ children: [new d.TextRun({ text: outline.running, size: 16 })] })],
          }),
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.RIGHT,
                children: [new d.TextRun({ size: 16, children: pageNumberRun(outline.pageLabel) })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  })
  return d.Packer.toBuffer(document)
}
