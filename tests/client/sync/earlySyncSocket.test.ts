import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { handOverSyncSocket, openSyncSocketEarly, SyncSocket } from '../../../client/src/sync/earlySyncSocket'

/** The browser's WebSocket as far as these two functions and y-websocket use it, driven by the test. */
class BrowserSocket extends EventTarget {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  static made: BrowserSocket[] = []
  readyState = BrowserSocket.CONNECTING
  binaryType = 'blob'
  readonly sent: number[][] = []
  onopen: ((event: Event) => void) | null = null
  onmessage: ((event: MessageEvent) => void) | null = null
  constructor(readonly url: string) {
    super()
    BrowserSocket.made.push(this)
    this.addEventListener('open', (event) => this.onopen?.(event))
    this.addEventListener('message', (event) => this.onmessage?.(event as MessageEvent))
  }
  send(data: Uint8Array) {
    if (this.readyState !== BrowserSocket.OPEN) throw new Error('InvalidStateError')
    this.sent.push([...data])
  }
  close() {
    this.readyState = BrowserSocket.CLOSED
    this.dispatchEvent(new Event('close'))
  }
  /** The server accepted the connection. */
  accept() {
    this.readyState = BrowserSocket.OPEN
    this.dispatchEvent(new Event('open'))
  }
  /** A frame from the server. */
  receive(bytes: number[]) {
    this.dispatchEvent(new MessageEvent('message', { data: new Uint8Array(bytes).buffer }))
  }
}

const URL_OF_DOC = 'ws://localhost/sync/doc-1'
const ASK_FOR_EVERYTHING = [0, 0, 1, 0]
const SERVER_STEP1 = [0, 0, 1, 0]
const SERVER_STEP2 = [0, 1, 3, 9, 9, 9]
const PROVIDER_STEP1 = [0, 0, 3, 1, 7, 2]
const PROVIDER_AWARENESS = [1, 5, 1, 2, 3]

/** What y-websocket does with the socket it constructs: its handlers, and on open its step 1 and presence. */
const provider = (socket: WebSocket) => {
  const heard: string[] = []
  socket.onopen = () => {
    heard.push('open')
    socket.send(new Uint8Array(PROVIDER_STEP1))
    socket.send(new Uint8Array(PROVIDER_AWARENESS))
  }
  socket.onmessage = (event) => heard.push(`message ${[...new Uint8Array(event.data as ArrayBuffer)]}`)
  return heard
}

const flushMicrotasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

describe('the early sync socket', () => {
  beforeEach(() => {
    BrowserSocket.made = []
    vi.stubGlobal('WebSocket', BrowserSocket)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('asks for the whole document as soon as it opens, and settles once the server has answered with it', async () => {
    let settled = false
    const answered = openSyncSocketEarly(URL_OF_DOC).then(() => {
      settled = true
    })
    const [socket] = BrowserSocket.made
    socket!.accept()
    expect(socket!.sent).toEqual([ASK_FOR_EVERYTHING])
    socket!.receive(SERVER_STEP1)
    await flushMicrotasks()
    expect(settled).toBe(false)
    socket!.receive(SERVER_STEP2)
    await answered
    expect(settled).toBe(true)
    socket!.close()
  })

  it('hands an open socket to the provider with an open event and then what the server sent, in order, without asking for the document twice', async () => {
    void openSyncSocketEarly(URL_OF_DOC)
    const [early] = BrowserSocket.made
    early!.accept()
    early!.receive(SERVER_STEP1)
    early!.receive(SERVER_STEP2)
    const taken = new SyncSocket(URL_OF_DOC)
    expect(taken).toBe(early)
    const heard = provider(taken)
    await flushMicrotasks()
    expect(heard).toEqual(['open', `message ${SERVER_STEP1}`, `message ${SERVER_STEP2}`])
    // The provider's own step 1 is not sent (the early ask already brings everything); its presence is.
    expect(early!.sent).toEqual([ASK_FOR_EVERYTHING, PROVIDER_AWARENESS])
    // Later frames reach the provider as they come, and its later step 1s (the edit confirmations) are sent.
    early!.receive([0, 2, 1, 1])
    taken.send(new Uint8Array(PROVIDER_STEP1))
    expect(heard.at(-1)).toBe('message 0,2,1,1')
    expect(early!.sent.at(-1)).toEqual(PROVIDER_STEP1)
    expect(BrowserSocket.made).toHaveLength(1)
  })

  it('tells the provider what it missed when asked to, at once and only once', async () => {
    void openSyncSocketEarly(URL_OF_DOC)
    const [early] = BrowserSocket.made
    early!.accept()
    early!.receive(SERVER_STEP2)
    const taken = new SyncSocket(URL_OF_DOC)
    const heard = provider(taken)
    handOverSyncSocket(taken)
    expect(heard).toEqual(['open', `message ${SERVER_STEP2}`])
    await flushMicrotasks()
    handOverSyncSocket(taken)
    expect(heard).toEqual(['open', `message ${SERVER_STEP2}`])
  })

  it('hands a socket still connecting to the provider as it is: the provider opens it and asks itself', () => {
    void openSyncSocketEarly(URL_OF_DOC)
    const taken = new SyncSocket(URL_OF_DOC)
    const [early] = BrowserSocket.made
    expect(taken).toBe(early)
    const heard = provider(taken)
    early!.accept()
    expect(heard).toEqual(['open'])
    expect(early!.sent).toEqual([PROVIDER_STEP1, PROVIDER_AWARENESS])
  })

  it('gives the provider a new socket when the early one closed, and on every reconnection', async () => {
    const answered = openSyncSocketEarly(URL_OF_DOC)
    const [early] = BrowserSocket.made
    early!.close()
    await answered
    const first = new SyncSocket(URL_OF_DOC)
    const again = new SyncSocket(URL_OF_DOC)
    expect(first).not.toBe(early)
    expect(again).not.toBe(first)
    expect(BrowserSocket.made).toHaveLength(3)
  })

  it('gives a provider of another document a socket of its own', () => {
    void openSyncSocketEarly(URL_OF_DOC)
    const other = new SyncSocket('ws://localhost/sync/doc-2') as unknown as BrowserSocket
    expect(other.url).toBe('ws://localhost/sync/doc-2')
    expect(BrowserSocket.made).toHaveLength(2)
    BrowserSocket.made[0]!.close()
  })

  it('closes an early socket nobody takes within ten seconds', () => {
    vi.useFakeTimers()
    void openSyncSocketEarly(URL_OF_DOC)
    const [early] = BrowserSocket.made
    early!.accept()
    vi.advanceTimersByTime(9_999)
    expect(early!.readyState).toBe(BrowserSocket.OPEN)
    vi.advanceTimersByTime(1)
    expect(early!.readyState).toBe(BrowserSocket.CLOSED)
    expect(new SyncSocket(URL_OF_DOC)).not.toBe(early)
  })
})
