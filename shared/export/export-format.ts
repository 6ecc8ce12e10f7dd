/** The formats a document or a saved version can be exported in. */
export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'docx', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
