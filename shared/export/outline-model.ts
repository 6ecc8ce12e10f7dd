import type { RichText } from '../document/rich-text'

/** The format-neutral shape of an export: Markdown, HTML, DOCX and PDF all render this. */
export type OutlineBlock =
  | { readonly kind: 'rich'; readonly blocks: RichText }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table'
      readonly headers: readonly string[]
      readonly rows: readonly (readonly string[])[]
      /** Columns to right-align (amounts). */
      readonly numeric?: readonly number[]
    }
  | { readonly kind: 'empty'; readonly text: string }

export interface OutlineField {
  readonly label: string
  readonly blocks: readonly OutlineBlock[]
}

export interface OutlineSection {
  readonly title: string
  readonly fields: readonly OutlineField[]
}

export interface Outline {
  readonly title: string
  /** What every printed page repeats at its top: partnership, document, version and short hash. */
  readonly running: string
  /** "Sida {page} av {pages}" in the export's language, the two numbers to fill in. */
  readonly pageLabel: string
  /** The parties, for the file's metadata (author). */
  readonly parties: string
  /** Label/value lines of the header every export carries. */
  readonly header: readonly (readonly [string, string])[]
  readonly sections: readonly OutlineSection[]
  readonly lang: 'sv' | 'en'
}
