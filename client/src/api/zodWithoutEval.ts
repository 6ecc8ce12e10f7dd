import * as z from 'zod/mini'

// The page's Content-Security-Policy forbids eval, so zod cannot compile its faster object parsers here; left
// to find that out, it tries `new Function` while the first schema is built, and the browser reports the
// attempt as a policy violation on every page load. Imported first by the entry, before any schema exists.
z.config({ jitless: true })
