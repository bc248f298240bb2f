// @ts-check
/**
 * Fails when the first load of the built app is over budget (docs/frontend.md):
 *   initial JavaScript ≤ 120 KB gzipped: the entry chunk and every chunk it imports statically
 *   (what the browser must fetch before the first page renders; lazy routes are excluded);
 *   CSS ≤ 10 KB gzipped: every stylesheet the first page loads.
 * Reads Vite's manifest (dist/.vite/manifest.json), so run `vite build` first.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const KB = 1024
const BUDGET = { js: 120 * KB, css: 10 * KB }

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist')
const manifestPath = join(dist, '.vite/manifest.json')
if (!existsSync(manifestPath)) {
  console.error('No build manifest: run `npm run build` first.')
  process.exit(1)
}

/** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[], css?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
if (!entry) throw new Error('The manifest has no entry chunk.')

const js = new Set()
const css = new Set()
/** @param {string} key */
function visit(key) {
  const chunk = manifest[key]
  if (!chunk || js.has(chunk.file)) return
  js.add(chunk.file)
  for (const sheet of chunk.css ?? []) css.add(sheet)
  for (const imported of chunk.imports ?? []) visit(imported)
}
visit(entry)

/** @param {string} file */
const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
const total = (/** @type {Set<string>} */ files) => [...files].reduce((sum, file) => sum + gzipped(file), 0)
const format = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(1)} KB`

const jsSize = total(js)
const cssSize = total(css)
for (const file of [...js, ...css]) console.log(`  ${format(gzipped(file)).padStart(9)}  ${file}`)
console.log(`Initial JavaScript: ${format(jsSize)} gzipped (budget ${format(BUDGET.js)})`)
console.log(`CSS: ${format(cssSize)} gzipped (budget ${format(BUDGET.css)})`)

const over = []
if (jsSize > BUDGET.js) over.push(`initial JavaScript is ${format(jsSize - BUDGET.js)} over budget`)
if (cssSize > BUDGET.css) over.push(`CSS is ${format(cssSize - BUDGET.css)} over budget`)
if (over.length > 0) {
  console.error(`Bundle budget exceeded: ${over.join('; ')}. Split a route or drop a dependency.`)
  process.exit(1)
}
