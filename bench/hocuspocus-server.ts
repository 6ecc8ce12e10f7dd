// The Hocuspocus reference server as a user would run it: defaults, with its SQLite extension.
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'

const port = Number(process.env.PORT)
const database = process.env.DATABASE ?? ':memory:'
const server = new Server({ port, address: '127.0.0.1', quiet: true, extensions: [new SQLite({ database })] })
// Hocuspocus stops itself on SIGTERM (stopOnSignals, on by default): it stores its documents, then exits.
await server.listen()
