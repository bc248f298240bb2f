// @ts-check
/**
 * `npm run lighthouse`: Lighthouse (mobile emulation, simulated slow 4G and 4× CPU slowdown,
 * its defaults) on the home page and a product page of the real backend with the demo data,
 * driving Debian's Chromium. Fails when performance < 90 or CLS > 0.05 on either page.
 * Each page is measured RUNS times (default 3, after one warm-up) and the median run by
 * performance score is reported, as Lighthouse's own documentation advises for its variance.
 * The JSON reports are written to the system's temporary directory.
 *
 * `npm run lighthouse -- --large-uploads` (or LIGHTHOUSE_UPLOADS=12mp) first gives the products a
 * visitor sees first — the home page's first rows today and the measured product — covers
 * uploaded as 12-megapixel phone photos (as their makers would, through the API), and measures
 * once their smaller copies exist. `home` or `product` as an argument measures that page alone.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { FRONTEND, callApi, startBackend } from '../e2e/backend.mjs'
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/browser.mjs'
import { makePhotos, uploadPhoto } from '../e2e/photos.mjs'

const MIN_PERFORMANCE = 0.9
const MAX_CLS = 0.05
const RUNS = Number(process.env.RUNS ?? 3)
const LARGE_UPLOADS = process.argv.includes('--large-uploads') || process.env.LIGHTHOUSE_UPLOADS === '12mp'
// The home page's first rows: the three drawn at once (launch-days.tsx) and the next one.
const HOME_COVERS = 4
const VARIANTS_DEADLINE_MS = 120_000

/**
 * Gives `products` 12-megapixel covers, each uploaded and set by its maker (a demo account), and
 * waits until the API lists each cover's smaller copies.
 * @param {string} baseUrl @param {{ id: number, author: { username: string } }[]} products @param {string[]} photos
 */
async function coverWithPhotos(baseUrl, products, photos) {
  const { demo_password: password } = JSON.parse(readFileSync(join(FRONTEND, '../backend/demo/catalog.json'), 'utf8'))
  /** @type {Map<string, string>} */
  const tokens = new Map()
  /** @type {Map<number, string>} */
  const covers = new Map()
  for (const [index, product] of products.entries()) {
    const { username } = product.author
    if (!tokens.has(username)) tokens.set(username, (await callApi(baseUrl, 'POST', '/api/auth/login/', { body: { username, password } })).access)
    const token = tokens.get(username) ?? ''
    const photo = photos[index]
    if (!photo) throw new Error(`No photo for product ${product.id}`)
    const stored = await uploadPhoto(baseUrl, photo, token)
    await callApi(baseUrl, 'PATCH', `/api/products/${product.id}/`, { token, body: { image: stored.url } })
    covers.set(product.id, stored.url)
    console.log(`product ${product.id} (${username}): cover ${stored.url}, ${(stored.size / 1024 / 1024).toFixed(1)} MB as stored`)
  }
  // The copies are made when the upload commits, in a task (inline without a broker): poll.
  const deadline = Date.now() + VARIANTS_DEADLINE_MS
  for (const [id, url] of covers) {
    for (;;) {
      const product = await callApi(baseUrl, 'GET', `/api/products/${id}/`)
      if (product.image === url && product.image_variants) break
      if (Date.now() > deadline) throw new Error(`Product ${id}: no copies of ${url} within ${VARIANTS_DEADLINE_MS / 1000} s`)
      await new Promise((done) => setTimeout(done, 500))
    }
  }
}

/**
 * The element of the largest paint and the phases of its time (Lighthouse's breakdown).
 * @param {import('lighthouse').Result} lhr
 */
function largestPaint(lhr) {
  /** @type {any} */
  const details = lhr.audits['largest-contentful-paint-element']?.details
  /** @type {any[]} */
  const tables = details?.items ?? []
  const snippet = tables[0]?.items?.[0]?.node?.snippet ?? 'unknown'
  /** @type {{ phase: string, timing: number }[]} */
  const phases = tables[1]?.items ?? []
  return `${snippet}; ${phases.map((item) => `${item.phase} ${Math.round(item.timing)} ms`).join(', ')}`
}

// The photos before the backend: making them takes seconds, in which a kept-alive connection
// may be closed by the server.
const photos = LARGE_UPLOADS ? makePhotos(HOME_COVERS + 1) : undefined
const backend = await startBackend()
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS.map((flag) => (flag === '--headless' ? '--headless=new' : flag)) })
let failed = false
try {
  const top = await fetch(`${backend.url}/api/products/?ordering=top&page_size=1`).then((response) => response.json())
  const product = top.results[0]
  if (photos) {
    // The home page's own first request (get-launch-days.ts): today's launches, hot first.
    const today = new Date().toISOString().slice(0, 10)
    const home = await callApi(backend.url, 'GET', `/api/products/launch-days/?date=${today}&ordering=hot&days=1&page_size=10`)
    /** @type {{ id: number, author: { username: string } }[]} */
    const first = home.days[0].results.slice(0, HOME_COVERS)
    if (first.length < HOME_COVERS) throw new Error(`Today lists ${first.length} launches, fewer than ${HOME_COVERS}`)
    const covered = first.some((row) => row.id === product.id) ? first : [...first, product]
    await coverWithPhotos(backend.url, covered, photos.paths)
  }
  const pages = { home: '/', product: `/products/${product.id}/${product.slug}` }
  const only = process.argv.slice(2).filter((argument) => !argument.startsWith('--'))
  const variant = photos ? '12mp' : 'demo'
  for (const [name, path] of Object.entries(pages).filter(([key]) => only.length === 0 || only.includes(key))) {
    // The first run warms the server's caches and is not counted.
    await lighthouse(`${backend.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' })
    /** @type {import('lighthouse').Result[]} */
    const runs = []
    // A run Lighthouse could not complete (e.g. NO_NAVSTART, a lost trace) has no score: it is
    // run again, up to RUNS more times, rather than counted as a zero.
    for (let attempt = 1; runs.length < RUNS && attempt <= 2 * RUNS; attempt += 1) {
      const result = await lighthouse(`${backend.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' })
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`)
      const { runtimeError, runWarnings } = result.lhr
      for (const warning of runWarnings) console.warn(`${name}, run ${attempt}: ${warning}`)
      if (runtimeError) console.warn(`${name}, run ${attempt}: ${runtimeError.code}: ${runtimeError.message} (not counted)`)
      else runs.push(result.lhr)
    }
    if (runs.length < RUNS) throw new Error(`${name}: ${RUNS - runs.length} of ${RUNS} Lighthouse runs failed`)
    runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0))
    const lhr = runs[Math.floor(runs.length / 2)]
    if (!lhr) throw new Error('No Lighthouse run')
    console.log(`${name}, ${variant} covers: performance of the ${RUNS} runs: ${runs.map((run) => Math.round((run.categories.performance?.score ?? 0) * 100)).join(', ')}; host benchmark index ${Math.round(lhr.environment.benchmarkIndex)}`)
    const report = join(tmpdir(), `vitrin-lighthouse-${name}-${variant}.json`)
    writeFileSync(report, JSON.stringify(lhr))
    const score = (/** @type {string} */ key) => Math.round((lhr.categories[key]?.score ?? 0) * 100)
    const audit = (/** @type {string} */ key) => lhr.audits[key]?.numericValue ?? NaN
    const performance = lhr.categories.performance?.score ?? 0
    const cls = audit('cumulative-layout-shift')
    console.log(
      `${name} (${path}): performance ${score('performance')}, accessibility ${score('accessibility')}, ` +
        `best practices ${score('best-practices')}, SEO ${score('seo')}; ` +
        `FCP ${Math.round(audit('first-contentful-paint'))} ms, LCP ${Math.round(audit('largest-contentful-paint'))} ms, ` +
        `TBT ${Math.round(audit('total-blocking-time'))} ms, CLS ${cls.toFixed(3)} (report: ${report})`,
    )
    console.log(`${name}: largest paint: ${largestPaint(lhr)}`)
    if (performance < MIN_PERFORMANCE || cls > MAX_CLS) {
      failed = true
      console.error(`${name}: below the budget (performance ≥ ${MIN_PERFORMANCE * 100}, CLS ≤ ${MAX_CLS}).`)
    }
  }
} finally {
  chrome.kill()
  await backend.stop()
  photos?.remove()
}
process.exit(failed ? 1 : 0)
