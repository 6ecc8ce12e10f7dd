import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { Block, Inline } from '../../shared/document/rich-text'
import { unexpectedCase } from '../../shared/errors'
import type { Outline, OutlineBlock } from '../../shared/export/outline'

const runs = (inlines: readonly Inline[]): ParagraphChild[] =>
  inlines.map((run) => {
    const text = new TextRun({
      text: run.text,
      bold: run.bold ?? false,
      italics: run.italic ?? false,
      ...(run.link ? { style: 'Hyperlink' } : {}),
    })
    return run.link === undefined ? text : new ExternalHyperlink({ link: run.link, children: [text] })
  })

const richParagraphs = (blocks: readonly Block[], level = 0): Paragraph[] =>
  blocks.flatMap((block): Paragraph[] => {
    switch (block.type) {
      case 'paragraph':
        return [new Paragraph({ children: runs(block.content) })]
      case 'heading':
        return [
          new Paragraph({
            heading: block.level === 1 ? HeadingLevel.HEADING_4 : HeadingLevel.HEADING_5,
            children: runs(block.content),
          }),
        ]
      case 'bullet_list':
      case 'ordered_list':
        return block.items.flatMap((item) => {
          const [first, ...rest] = item
          const head =
            first !== undefined && (first.type === 'paragraph' || first.type === 'heading')
              ? new Paragraph({
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

const border = { style: BorderStyle.SINGLE, size: 4, color: '777777' }
const borders = { top: border, bottom: border, left: border, right: border }

const table = (item: Extract<OutlineBlock, { kind: 'table' }>): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: item.headers.map(
          (text) =>
            new TableCell({
              borders,
              children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })],
            }),
        ),
      }),
      ...item.rows.map(
        (row) =>
          new TableRow({
            children: row.map(
              (text, index) =>
                new TableCell({
                  borders,
                  children: text.split('\n').map(
                    (line) =>
                      new Paragraph({
                        alignment: item.numeric?.includes(index) ? AlignmentType.RIGHT : AlignmentType.LEFT,
                        children: [new TextRun(line)],
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
      return item.text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }))
    case 'empty':
      return [new Paragraph({ children: [new TextRun({ text: item.text, italics: true, color: '555555' })] })]
    case 'list':
      return item.items.map((text) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] }))
    case 'table':
      return [table(item), new Paragraph({ children: [] })]
  }
}

/** The export as a Word document (what municipalities file), with the header as a table at the top. */
export const renderDocx = (outline: Outline): Promise<Buffer> => {
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: outline.header.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({
              borders,
              width: { size: 25, type: WidthType.PERCENTAGE },
              children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })],
            }),
            new TableCell({ borders, children: [new Paragraph(value)] }),
          ],
        }),
    ),
  })
  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(outline.title)] }),
    header,
  ]
  for (const section of outline.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.title)] }))
    for (const field of section.fields) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(field.label)] }))
      for (const item of field.blocks) body.push(...blockChildren(item))
    }
  }
  const document = new Document({
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
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: body }],
  })
  return Packer.toBuffer(document)
}
