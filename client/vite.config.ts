import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'
import solid from 'vite-plugin-solid'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  plugins: [
    solid(),
    // Compressed once at build time, at the highest levels, beside each asset: the server sends the .br (or .gz)
    // file as it is, so a phone downloads less and the server compresses nothing per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|svg)$/, threshold: 1024 }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The manifest tells the server which chunks each page needs, to name them in that page's HTML.
    manifest: true,
    // Every browser the product supports knows <link rel="modulepreload">; Vite's polyfill for those that do not
    // still ran at start-up, scanning the page's links on a phone's main thread before the app's own code.
    modulePreload: { polyfill: false },
    // Swedish text escaped (\u00e5), so that every chunk is ASCII: a browser then keeps and parses it as one
    // byte per character. With any å, ä or ö in it a whole chunk was decoded to UTF-16 first, ~35 ms of a
    // phone's main thread for the document page's code.
    rolldownOptions: {
      output: {
        charset: 'ascii',
        // The app's common code in one chunk: the API client and its contracts, the schemas, the templates, the
        // small UI pieces and zod. Split by which lazy pages share them, it came in eight small chunks, and each
        // request costs a phone's main thread a few milliseconds before the document page can start. The QR
        // code stays with the pages that show one. "Visa på skärmen" (a few hundred bytes, on three pages) is
        // here too: alone it was one more chunk the document page had to fetch and instantiate at start.
        codeSplitting: {
          groups: [
            {
              name: 'common',
              test: /[\\/]client[\\/]src[\\/](api|ui)[\\/](?!QrCode)|[\\/]client[\\/]src[\\/]features[\\/]screen[\\/]ShowOnScreenButton|[\\/]shared[\\/](api|schema|templates|access|errors)|node_modules[\\/](zod|solid-js[\\/]store)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
      '/sync': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
})
