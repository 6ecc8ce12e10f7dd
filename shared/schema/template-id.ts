import * as z from 'zod/mini'

/**
 * The document templates a workspace can create documents from. The templates themselves (sections and
 * fields) are data in `shared/templates/`; this is the closed list of their ids.
 */
export const TemplateId = z.enum([
  'dwa-1',
  'dwa-2',
  'agreement',
  'cafe',
  'initiative-checklist',
  'partner-documents',
  'values-declaration',
  'follow-up',
  'evaluation',
  'final-report',
  'minutes',
  'review',
  'financial-report',
])
export type TemplateId = z.infer<typeof TemplateId>
