import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * DejaVu Sans, embedded in every PDF: it covers Swedish (å ä ö), dashes, quotes and the symbols partners
 * type, which PDF's built-in fonts (Latin-1 only) would garble. Shipped by an npm package, so nothing is
 * fetched at run time.
 */
export const pdfFonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  boldItalic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf'),
} as const
