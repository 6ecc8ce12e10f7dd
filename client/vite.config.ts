import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'
import solid from 'vite-plugin-solid'

const root = fileURLToPath(new URL('.', import.meta.url))

/** Packages whose code is compiled as it runs, not ahead: most of it never runs on a given page. */
const VENDOR = /[\\/]node_modules[\\/](?!solid-js[\\/]|@solidjs[\\/]|zod[\\/])/

/**
 * V8's compile hint for the app's own chunks (the entry, the common chunk, the pages): compile every function
 * of the file while it streams in, on a background thread. Left to compile each function on its first call,
 * a phone's main thread spent ~50 ms compiling the app's components and Solid before the document page's first
 * field could be typed in. Not for the editor's chunk (ProseMirror, Yjs) or the QR code: compiled eagerly,
 * their many functions a page never calls delayed the start by more than they saved.
 */
const compileHint = (chunk: { readonly moduleIds: readonly string[] }): string =>
  chunk.moduleIds.some((id) => VENDOR.test(id)) ? '' : '//# allFunctionsCalledOnLoad'

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
        // After minification, which would drop it as a comment. Vite puts its list of a chunk's lazy imports
        // above it; V8 compiles eagerly every function after the comment.
        postBanner: compileHint,
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
