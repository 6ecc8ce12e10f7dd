/**
 * The closed set of reasons the server closes a sync socket for, and the websocket close code each maps to.
 * Codes in the 4xxx range mirror HTTP statuses (as Hocuspocus does) so a client can switch on them;
 * the reason string is sent as the close reason.
 */
export const SyncErrorReason = {
  /** The frame does not decode as a y-websocket message. */
  MalformedFrame: 'malformed-frame',
  /** The first varUint is not a message type a client may send. */
  UnknownMessageType: 'unknown-message-type',
  /** A sync message carried an update (or state vector) that Yjs cannot decode or apply. */
  InvalidUpdate: 'invalid-update',
  /** An awareness message whose content does not decode. */
  InvalidAwareness: 'invalid-awareness',
  /** An update or awareness payload larger than the server's MAX_UPDATE_BYTES. */
  UpdateTooLarge: 'update-too-large',
  /** The server could not store an update; nothing of it was kept or relayed. Reconnect and resync. */
  StorageFailed: 'storage-failed',
  /** The server is shutting down; reconnect later. */
  ShuttingDown: 'shutting-down',
  /** The request is not authenticated. */
  Unauthorized: 'unauthorized',
  /** Authenticated, but not allowed this document or action. */
  Forbidden: 'forbidden',
  /** No such document (or it was deleted). */
  NotFound: 'not-found',
  /** An update adds content under a Yjs client id another member wrote with first (attribution is by it). */
  ForeignClientId: 'foreign-client-id',
  /** This address already has as many open sockets as the server allows (MAX_CONNECTIONS_PER_IP). */
  TooManyConnections: 'too-many-connections',
  /**
   * An update of this socket builds on content the server does not have, and asking the socket for it did
   * not bring it within a few seconds. Reconnect: the full resync sends what is missing.
   */
  MissingDependencies: 'missing-dependencies',
} as const
export type SyncErrorReason = (typeof SyncErrorReason)[keyof typeof SyncErrorReason]

/** Websocket close codes used by the server. */
export const CloseCode = {
  Normal: 1000,
  /** The server is shutting down (RFC 6455 "going away"). */
  GoingAway: 1001,
  /** The transport refused a frame over twice MAX_UPDATE_BYTES before reading it (RFC 6455). */
  MessageTooBig: 1009,
  BadRequest: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  NotFound: 4404,
  PayloadTooLarge: 4413,
  TooManyRequests: 4429,
  Conflict: 4409,
  PreconditionFailed: 4412,
  InternalError: 4500,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** The close code the server uses for each reason. */
export const closeCodeFor: Readonly<Record<SyncErrorReason, CloseCode>> = {
  'malformed-frame': CloseCode.BadRequest,
  'unknown-message-type': CloseCode.BadRequest,
  'invalid-update': CloseCode.BadRequest,
  'invalid-awareness': CloseCode.BadRequest,
  'update-too-large': CloseCode.PayloadTooLarge,
  'storage-failed': CloseCode.InternalError,
  'shutting-down': CloseCode.GoingAway,
  unauthorized: CloseCode.Unauthorized,
  forbidden: CloseCode.Forbidden,
  'not-found': CloseCode.NotFound,
  'too-many-connections': CloseCode.TooManyRequests,
  'foreign-client-id': CloseCode.Conflict,
  'missing-dependencies': CloseCode.PreconditionFailed,
}
