/**
 * Message types of the y-websocket wire protocol. Every frame starts with one of these as a varUint;
 * the numbers are fixed by `y-websocket` and `y-protocols`, so any Yjs client can connect.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** Sub-types of a `MessageType.Sync` frame (y-protocols/sync). */
export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const
export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType]
