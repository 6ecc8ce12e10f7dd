import { unzipSync } from 'fflate'
import { extractText, getDocumentProxy } from 'unpdf'

/** PDF text as one line: wrapped lines joined, and a line broken after a hyphen joined without a space. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').replace(/- /g, '-').trim()

/** The text of a DOCX's word/document.xml, entities decoded (what Word would show, without layout). */
export const xmlText = (xml: string): string =>
  xml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

export const docxText = (bytes: Uint8Array): string => {
  const xml = unzipSync(bytes)['word/document.xml']
  if (xml === undefined) throw new Error('not a DOCX: no word/document.xml')
  return xmlText(new TextDecoder().decode(xml))
}

export const pdfText = async (bytes: Uint8Array): Promise<string> =>
  oneLine((await extractText(await getDocumentProxy(bytes), { mergePages: true })).text)
