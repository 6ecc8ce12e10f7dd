import * as z from 'zod/mini'
import { lazySchema } from '../schema/lazy-schema'
import {
  ApproveVersionRequest,
  RecordDecisionRequest,
  SaveVersionRequest,
  VersionList,
  VersionSummary,
  VersionView,
} from '../schema/version'
import { DiffResponse, Revision } from '../schema/version-diff'
import { ExportQuery } from './document-routes'
import { defineContract } from './route-contract'
import { DocumentParams } from './workspace-routes'

/* Saved versions of a document: save, list, fetch (JSON or any export format), compare, approve, restore. */

const VersionParams = lazySchema(() =>
  z.extend(DocumentParams.unwrap(), { number: z.coerce.number().check(z.int(), z.positive()) }),
)
const DiffQuery = lazySchema(() => z.object({ from: Revision, to: z._default(Revision, 'live') }))

export const saveVersion = defineContract({
  method: 'post',
  path: '/api/documents/:documentId/versions',
  summary: 'Save the current state as a new, immutable, numbered version',
  params: DocumentParams,
  body: SaveVersionRequest,
  status: 201,
  response: VersionSummary,
})

export const listVersions = defineContract({
  method: 'get',
  path: '/api/documents/:documentId/versions',
  summary: 'The saved versions, oldest first',
  params: DocumentParams,
  status: 200,
  response: VersionList,
})

export const getVersion = defineContract({
  method: 'get',
  path: '/api/documents/:documentId/versions/:number',
  summary: 'One version: JSON (summary and value) or an export carrying its number and SHA-256',
  params: VersionParams,
  query: lazySchema(() =>
    z.extend(ExportQuery.unwrap(), {
      format: z._default(z.enum(['json', 'md', 'html', 'pdf', 'docx']), 'json'),
    }),
  ),
  status: 200,
  produces: [
    'application/json',
    'text/markdown',
    'text/html',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
})

export const getVersionBundle = defineContract({
  method: 'get',
  path: '/api/documents/:documentId/versions/:number/bundle',
  summary:
    'The filing bundle: PDF, DOCX, JSON and a manifest.json with the SHA-256 of each (for diarieföring)',
  params: VersionParams,
  query: lazySchema(() => z.pick(ExportQuery.unwrap(), { lang: true })),
  status: 200,
  produces: ['application/zip'],
})

export const approveVersion = defineContract({
  method: 'post',
  path: '/api/documents/:documentId/versions/:number/approvals',
  summary: "Approve a version on behalf of one's own party (ställningstagande)",
  params: VersionParams,
  body: ApproveVersionRequest,
  status: 201,
  response: VersionView,
})

export const recommendVersion = defineContract({
  method: 'post',
  path: '/api/documents/:documentId/versions/:number/recommendations',
  summary: "Recommend that one's party approve a version (for members who are not its decision-makers)",
  params: VersionParams,
  status: 201,
  response: VersionView,
})

export const recordDecision = defineContract({
  method: 'post',
  path: '/api/documents/:documentId/versions/:number/decisions',
  summary:
    "Record one's own party's formal decision on a version (body, date, paragraph), as its decision-maker",
  params: VersionParams,
  body: RecordDecisionRequest,
  status: 201,
  response: VersionView,
})

export const restoreVersion = defineContract({
  method: 'post',
  path: '/api/documents/:documentId/versions/:number/restore',
  summary: 'Restore a version as a new version (a forward change everyone connected sees)',
  params: VersionParams,
  status: 201,
  response: VersionSummary,
})

export const diffVersions = defineContract({
  method: 'get',
  path: '/api/documents/:documentId/diff',
  summary: 'What changed between two versions (or a version and the live document), field by field',
  params: DocumentParams,
  query: DiffQuery,
  status: 200,
  response: DiffResponse,
})
