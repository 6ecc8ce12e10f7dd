import { createServer, type Server, Socket } from 'node:net'

/**
 * A TCP proxy to a local service that a test can cut and restore, to simulate the network to Redis going
 * away for a while (the service itself keeps running, as in a real outage between hosts).
 */
export class TcpProxy {
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const probe = createServer()
    const port = await new Promise<number>((resolve) =>
      probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)),
    )
    await new Promise((resolve) => probe.close(resolve))
    const proxy = new TcpProxy(port, target)
    await proxy.resume()
    return proxy
  }

  /** Accepts and forwards connections again, on the same port. */
  async resume(): Promise<void> {
    const server = createServer((client) => {
      const upstream = new Socket()
      this.sockets.add(client).add(upstream)
      const drop = () => {
        client.destroy()
        upstream.destroy()
        this.sockets.delete(client)
        this.sockets.delete(upstream)
      }
      client.on('error', drop).on('close', drop)
      upstream.on('error', drop).on('close', drop)
      upstream.connect(this.target.port, this.target.host, () => {
        client.pipe(upstream)
        upstream.pipe(client)
      })
    })
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve))
    this.server = server
  }

  /** Cuts every connection and refuses new ones until `resume`. */
  async cut(): Promise<void> {
    const server = this.server
    this.server = null
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
    if (server !== null) await new Promise((resolve) => server.close(resolve))
  }
}
