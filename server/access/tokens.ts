import { createHash, randomBytes } from 'node:crypto'

/** A fresh capability token: 256 random bits, base64url (43 characters). Shown once; stored only as a hash. */
export const newToken = (): string => randomBytes(32).toString('base64url')

/** Tokens this server issues look like this; anything else is refused without a lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export const isWellFormedToken = (value: string): boolean => TOKEN_PATTERN.test(value)

/** What the store keeps of a token: its SHA-256 (the tokens are random, so no salt or slow hash is needed). */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** A fresh entity id: 128 random bits as 32 hex characters (valid as a document id in `/sync/:docId`). */
export const newId = (): string => randomBytes(16).toString('hex')
