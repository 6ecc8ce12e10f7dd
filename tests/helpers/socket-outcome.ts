import WebSocket from 'ws'

/**
 * Opens a raw websocket and reports how the server treated it: its close code, or `'open'` once the
 * server started the sync handshake (its first frame), which it only does for an authorised socket.
 */
export const socketOutcome = (
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 5_000,
): Promise<number | 'open'> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    const timer = setTimeout(() => {
      ws.terminate()
      reject(new Error(`no outcome for ${url} within ${timeoutMs} ms`))
    }, timeoutMs)
    ws.on('message', () => {
      clearTimeout(timer)
      ws.removeAllListeners('close')
      ws.close()
      resolve('open')
    })
    ws.on('close', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
    ws.on('unexpected-response', (_request, response) => {
      clearTimeout(timer)
      resolve(response.statusCode ?? 0)
    })
    ws.on('error', () => {})
  })
