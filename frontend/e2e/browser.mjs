// @ts-check
/** Debian's Chromium driven by playwright-core: no browser is ever downloaded. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { FRONTEND } from './backend.mjs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
export const SCREENSHOTS = join(FRONTEND, 'e2e/screenshots')
export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export function chromiumPresent() {
  return existsSync(CHROMIUM)
}

export async function launchBrowser() {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/**
 * @typedef {{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, consoleErrors: string[] }} Person
 */

/**
 * A person's own browser profile (cookies), whose pages record every console error (Chromium
 * reports each resource the Content Security Policy blocks as one).
 * @param {import('playwright-core').Browser} browser
 * @param {string} baseURL
 * @returns {Promise<Person>}
 */
export async function openPerson(browser, baseURL) {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORTS.desktop, colorScheme: 'light' })
  const page = await context.newPage()
  /** @type {string[]} */
  const consoleErrors = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: uncaught ${error.message}`))
  return { context, page, consoleErrors }
}

/**
 * The accessibility violations axe rates serious or critical on the current page.
 * @param {import('playwright-core').Page} page
 */
export async function seriousViolations(page) {
  // Evaluated through the DevTools protocol: the page's Content Security Policy forbids inline
  // scripts, as it should, so axe cannot come in as a <script> tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  /** @type {{ id: string, impact: string | null, help: string, nodes: { target: unknown[] }[] }[]} */
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is the global the injected script defines
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((/** @type {{ id: string, impact: string | null, help: string, nodes: { target: unknown[] }[] }} */ v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((node) => ({ target: node.target })),
    }))
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact}: ${violation.id} (${violation.help}) at ${JSON.stringify(violation.nodes.slice(0, 3).map((node) => node.target))}`)
}
