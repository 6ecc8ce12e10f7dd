import { MessageType, SyncMessageType } from '../../../shared/protocol/message-type'

/** y-protocols' sync step 1 with an empty state vector: the server answers with the whole document. */
const ASK_FOR_EVERYTHING = new Uint8Array([MessageType.Sync, SyncMessageType.Step1, 1, 0])

/** Not taken by then, the page will not take it (it went elsewhere, or failed): the socket is closed. */
const UNTAKEN_FOR_MS = 10_000

const isSync = (data: unknown, type: number): boolean => {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data
  return bytes instanceof Uint8Array && bytes[0] === MessageType.Sync && bytes[1] === type
}

interface EarlySocket {
  readonly socket: WebSocket
  readonly received: unknown[]
  /** The early ask was sent, so its answer is among `received` or on its way. */
  asked: boolean
  /** Stops listening and forgets the socket (it is then the taker's, or closed). */
  release(): void
}

const early = new Map<string, EarlySocket>()

/**
 * Opens the sync socket for `url` now, while the page's code is still arriving, and asks the server for the
 * whole document. On a phone the page's code takes hundreds of milliseconds to evaluate and draw the sheet;
 * the socket opened by the page itself then answered only after that, so the fields showed empty and the text
 * came a few hundred milliseconds later. What arrives is kept for the y-websocket provider, which takes the
 * socket through `SyncSocket`.
 *
 * Settles (never rejects) once the server has answered with the document, or the socket closed or failed, so
 * that the page can be drawn with its text.
 */
export const openSyncSocketEarly = (url: string): Promise<void> => {
  if (early.has(url) || typeof WebSocket === 'undefined') return Promise.resolve()
  const socket = new WebSocket(url)
  socket.binaryType = 'arraybuffer'
  let answered!: () => void
  const answer = new Promise<void>((resolve) => {
    answered = resolve
  })
  const onOpen = () => {
    socket.send(ASK_FOR_EVERYTHING)
    entry.asked = true
  }
  const onMessage = (event: MessageEvent) => {
    entry.received.push(event.data)
    if (isSync(event.data, SyncMessageType.Step2)) answered()
  }
  // Closed before it was taken (refused, or the network went): the page's provider makes its own.
  const onClose = () => entry.release()
  const onError = () => answered()
  const untaken = setTimeout(() => {
    entry.release()
    socket.close()
  }, UNTAKEN_FOR_MS)
  const entry: EarlySocket = {
    socket,
    received: [],
    asked: false,
    release: () => {
      answered()
      clearTimeout(untaken)
      socket.removeEventListener('open', onOpen)
      socket.removeEventListener('message', onMessage)
      socket.removeEventListener('close', onClose)
      socket.removeEventListener('error', onError)
      if (early.get(url) === entry) early.delete(url)
    },
  }
  socket.addEventListener('open', onOpen)
  socket.addEventListener('message', onMessage)
  socket.addEventListener('close', onClose)
  socket.addEventListener('error', onError)
  early.set(url, entry)
  return answer
}

/** What a taken socket still has to tell its provider, until it has. */
const handOvers = new WeakMap<WebSocket, () => void>()

/**
 * The WebSocket the y-websocket provider is given (`WebSocketPolyfill`): the early socket for its URL if there
 * is one still open or opening, else a new one. A socket already open is announced to the provider as it would
 * have been (an `open` event, then what the server sent, in order) by `handOverSyncSocket`, or at the latest
 * in a microtask, once the provider has set its handlers. The provider then sends its own sync step 1; when
 * the early ask was sent, that one is not, or the server would send the whole document a second time. Every
 * later socket (a reconnection) is a new one.
 */
export const SyncSocket = function SyncSocket(url: string, protocols?: string | string[]): WebSocket {
  const taken = early.get(url)
  taken?.release()
  if (taken === undefined || taken.socket.readyState > WebSocket.OPEN) return new WebSocket(url, protocols)
  const { socket } = taken
  if (socket.readyState === WebSocket.OPEN) {
    handOvers.set(socket, () => {
      handOvers.delete(socket)
      if (socket.readyState !== WebSocket.OPEN) return
      if (taken.asked) {
        // An own property shadows the prototype's `send` for the one call y-websocket makes on open.
        Object.defineProperty(socket, 'send', {
          configurable: true,
          value: (data: Parameters<WebSocket['send']>[0]) => {
            delete (socket as { send?: unknown }).send
            if (!isSync(data, SyncMessageType.Step1)) socket.send(data)
          },
        })
      }
      socket.dispatchEvent(new Event('open'))
      delete (socket as { send?: unknown }).send
      for (const data of taken.received) socket.dispatchEvent(new MessageEvent('message', { data }))
    })
    queueMicrotask(() => handOverSyncSocket(socket))
  }
  return socket
} as unknown as typeof WebSocket

/**
 * Tells the provider of a socket taken while open what it has missed, now rather than in a microtask: called
 * once the provider and everything listening to it are set up, so that the document is filled before the
 * page draws its fields. Drawn first and filled after, each field would be drawn twice, the second time with
 * a layout of the whole page forced in the middle (~100 ms of a throttled phone).
 */
export const handOverSyncSocket = (socket: WebSocket | null): void => {
  if (socket !== null) handOvers.get(socket)?.()
}
