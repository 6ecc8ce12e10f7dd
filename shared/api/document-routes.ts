import { z } from 'zod'
import { EXPORT_FORMATS } from '../export/export-format'
import { lazySchema } from '../schema/lazy-schema'
import { defineContract } from './route-contract'
import { DocumentParams } from './workspace-routes'

/* A document's content routes: exports of the current state. Import as a namespace. */

export const ExportQuery = lazySchema(() =>
  z.object({
    format: z.enum(EXPORT_FORMATS).default('md'),
    lang: z.enum(['sv', 'en']).default('sv'),
  }),
)

export const exportDocument = defineContract({
  method: 'get',
  path: '/api/documents/:documentId/export',
  summary: 'The current state as Markdown, printable HTML, PDF, DOCX or JSON, with a header for the records',
  params: DocumentParams,
  query: lazySchema(() => ExportQuery.unwrap().extend({ appendix: z.enum(['vocabulary']).optional() })),
  status: 200,
  produces: [
    'text/markdown',
    'text/html',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/json',
  ],
})
