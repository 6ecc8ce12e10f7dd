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
  /** Label/value lines of the header every export carries. */
  readonly header: readonly (readonly [string, string])[]
  readonly sections: readonly OutlineSection[]
  readonly lang: 'sv' | 'en'
}
