import * as z from 'zod/mini'
import { EXPORT_FORMATS } from '../export/export-format'
import { lazySchema } from '../schema/lazy-schema'
import { defineContract } from './route-contract'
import { DocumentParams } from './workspace-routes'

/* A document's content routes: exports of the current state. Import as a namespace. */

export const ExportQuery = lazySchema(() =>
  z.object({
    format: z._default(z.enum(EXPORT_FORMATS), 'md'),
    lang: z._default(z.enum(['sv', 'en']), 'sv'),
  }),
)

export const exportDocument = defineContract({
  method: 'get',
  path: '/api/documents/:documentId/export',
  summary: 'The current state as Markdown, printable HTML, PDF, DOCX or JSON, with a header for the records',
  params: DocumentParams,
  query: lazySchema(() => z.extend(ExportQuery.unwrap(), { appendix: z.optional(z.enum(['vocabulary'])) })),
  status: 200,
  produces: [
    'text/markdown',
    'text/html',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/json',
  ],
})
