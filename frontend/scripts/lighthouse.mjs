// @ts-check
/**
 * `npm run lighthouse`: Lighthouse (mobile emulation, simulated slow 4G and 4× CPU slowdown,
 * its defaults) on the home page and a product page of the real backend with the demo data,
 * driving Debian's Chromium. Fails when performance < 90 or CLS > 0.05 on either page.
 * Each page is measured RUNS times (default 3, after one warm-up) and the median run by
 * performance score is reported, as Lighthouse's own documentation advises for its variance.
 * The JSON reports are written to the system's temporary directory.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { startBackend } from '../e2e/backend.mjs'
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/browser.mjs'

const MIN_PERFORMANCE = 0.9
const MAX_CLS = 0.05
const RUNS = Number(process.env.RUNS ?? 3)

const backend = await startBackend()
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS.map((flag) => (flag === '--headless' ? '--headless=new' : flag)) })
let failed = false
try {
  const top = await fetch(`${backend.url}/api/products/?ordering=top&page_size=1`).then((response) => response.json())
  const product = top.results[0]
  const pages = { home: '/', product: `/products/${product.id}/${product.slug}` }
  const only = process.argv.slice(2)
  for (const [name, path] of Object.entries(pages).filter(([key]) => only.length === 0 || only.includes(key))) {
    // The first run warms the server's caches and is not counted.
    await lighthouse(`${backend.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' })
    /** @type {import('lighthouse').Result[]} */
    const runs = []
    for (let index = 0; index < RUNS; index += 1) {
      const result = await lighthouse(`${backend.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' })
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`)
      const { runtimeError, runWarnings } = result.lhr
      if (runtimeError) console.warn(`${name}, run ${index + 1}: ${runtimeError.code}: ${runtimeError.message}`)
      for (const warning of runWarnings) console.warn(`${name}, run ${index + 1}: ${warning}`)
      runs.push(result.lhr)
    }
    runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0))
    const lhr = runs[Math.floor(runs.length / 2)]
    if (!lhr) throw new Error('No Lighthouse run')
    console.log(`${name}: performance of the ${RUNS} runs: ${runs.map((run) => Math.round((run.categories.performance?.score ?? 0) * 100)).join(', ')}; host benchmark index ${Math.round(lhr.environment.benchmarkIndex)}`)
    const report = join(tmpdir(), `vitrin-lighthouse-${name}.json`)
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
    if (performance < MIN_PERFORMANCE || cls > MAX_CLS) {
      failed = true
      console.error(`${name}: below the budget (performance ≥ ${MIN_PERFORMANCE * 100}, CLS ≤ ${MAX_CLS}).`)
    }
  }
} finally {
  chrome.kill()
  await backend.stop()
}
process.exit(failed ? 1 : 0)
