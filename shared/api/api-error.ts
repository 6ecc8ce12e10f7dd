import * as z from 'zod/mini'
import { lazySchema } from '../schema/lazy-schema'

/** The closed set of error codes the HTTP API answers with; clients switch on `code`, people read `message`. */
export const ApiErrorCode = z.enum([
  'invalid-request',
  'invalid-json',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'payload-too-large',
  'rate-limited',
  'upgrade-required',
  'invalid-document-id',
  'storage-unavailable',
  'integrity-error',
  'internal-error',
])
export type ApiErrorCode = z.infer<typeof ApiErrorCode>

/** Every error response: `{error: {code, message, issues?}}`; `issues` are zod's, for 400s. */
export const ApiErrorBody = lazySchema(() =>
  z.object({
    error: z.object({
      code: ApiErrorCode,
      message: z.string(),
      issues: z.optional(
        z.array(
          z.object({
            path: z.array(z.union([z.string(), z.number()])),
            message: z.string(),
            code: z.string(),
          }),
        ),
      ),
    }),
  }),
)
export type ApiErrorBody = z.infer<typeof ApiErrorBody>

/** The HTTP status each error code is answered with. */
export const statusForApiError = {
  'invalid-request': 400,
  'invalid-json': 400,
  'invalid-document-id': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'upgrade-required': 426,
  'rate-limited': 429,
  'internal-error': 500,
  /** Stored bytes no longer match their recorded hash: reported, never served. */
  'integrity-error': 500,
  'storage-unavailable': 503,
} as const satisfies Record<ApiErrorCode, number>
