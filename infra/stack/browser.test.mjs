// @ts-check
/**
 * The stack seen by a browser: Debian's Chromium (driven by playwright-core from the web app's
 * node_modules) opens https://127.0.0.1:8443/, sees the products, signs in with the demo account,
 * upvotes a product and sees the count change, also after a reload; then takes the upvote back
 * so the demo data stays as it was. Prints one line of figures; exits non-zero on a failure.
 * Usage: node infra/stack/browser.test.mjs [base URL]
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** @type {typeof import('playwright-core')} */
const { chromium } = createRequire(join(ROOT, 'frontend', 'package.json'))('playwright-core')
const catalog = JSON.parse(readFileSync(join(ROOT, 'backend', 'demo', 'catalog.json'), 'utf8'))

const BASE_URL = process.argv[2] ?? process.env.STACK_URL ?? 'https://127.0.0.1:8443'
const TIMEOUT = 15_000

/** The number an upvote button's accessible name ends with ("Upvote Lamp, 12 upvotes"). */
function countIn(/** @type {string} */ name) {
  const match = /,\s*([\d.,]+k?)\s*upvotes\s*$/.exec(name.trim())
  if (!match) throw new Error(`no count in the button name "${name}"`)
  return match[1]
}

const started = performance.now()
/** The URL of the upvote made by the test until it is taken back. @type {string | null} */
let upvoted = null
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--ignore-certificate-errors'],
})
try {
  const context = await browser.newContext({ baseURL: BASE_URL, ignoreHTTPSErrors: true })
  context.setDefaultTimeout(TIMEOUT)
  const page = await context.newPage()
  /** @type {string[]} */
  const serverErrors = []
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`)
  })

  await page.goto('/')
  const articles = page.getByRole('article')
  await articles.first().waitFor()
  const titles = (await page.getByRole('article').getByRole('heading').allInnerTexts()).filter((t) => t.trim())
  if (titles.length < 3) throw new Error(`the home page shows ${titles.length} product titles`)

  await page.goto('/login')
  await page.getByLabel('Email or username').fill(catalog.demo_username)
  await page.getByLabel('Password').fill(catalog.demo_password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('button', { name: 'Your account menu' }).waitFor()

  await page.goto('/')
  await articles.first().waitFor()
  // The signed-in list (has_upvoted) is read after sign-in: its requests have settled first.
  await page.waitForLoadState('networkidle')
  // A product the demo account has not upvoted yet.
  const button = page.locator('article button[aria-pressed="false"]').first()
  await button.waitFor()
  const name = await button.evaluate((element) => element.textContent ?? '')
  const title = /^Upvote (.*),\s*[\d.,]+k?\s*upvotes$/.exec(name.replace(/\s+/g, ' ').trim())?.[1]
  if (!title) throw new Error(`unexpected upvote button "${name}"`)
  const countBefore = countIn(name)
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // Clicked, the count changes at once (optimistically); the answer of the API is awaited too.
  const voted = page.waitForResponse((r) => r.url().endsWith('/upvote/') && r.request().method() === 'POST')
  await button.click()
  if ((await voted).status() !== 200) throw new Error(`the upvote was answered ${(await voted).status()}`)
  upvoted = (await voted).url()
  const pressed = page.getByRole('button', { name: new RegExp(`^Remove your upvote from ${escaped},`) }).first()
  await pressed.waitFor()
  const countAfter = countIn((await pressed.textContent()) ?? '')
  if (countAfter === countBefore) throw new Error(`the count of "${title}" stayed ${countBefore} after the upvote`)

  // Stored, not only drawn: a reload shows it.
  await page.reload()
  await page.waitForLoadState('networkidle')
  const anyState = page.getByRole('button', { name: new RegExp(`^(Upvote|Remove your upvote from) ${escaped},`) }).first()
  await anyState.waitFor()
  if ((await anyState.getAttribute('aria-pressed')) !== 'true') {
    throw new Error(`after a reload "${title}" shows as not upvoted by the signed-in account ("${await anyState.textContent()}")`)
  }
  const reloaded = page.getByRole('button', { name: new RegExp(`^Remove your upvote from ${escaped},`) }).first()
  const countReloaded = countIn((await reloaded.textContent()) ?? '')
  if (countReloaded !== countAfter) throw new Error(`after a reload "${title}" shows ${countReloaded}, not ${countAfter}`)

  const unvoted = page.waitForResponse((r) => r.url().endsWith('/upvote/') && r.request().method() === 'DELETE')
  await reloaded.click()
  await page.getByRole('button', { name: new RegExp(`^Upvote ${escaped},`) }).first().waitFor()
  if ((await unvoted).status() !== 200) throw new Error(`taking the upvote back was answered ${(await unvoted).status()}`)
  upvoted = null
  if (serverErrors.length) throw new Error(`server errors: ${serverErrors.join(', ')}`)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `home page showed ${titles.length} product titles; signed in as ${catalog.demo_username}; upvoted "${title}": ` +
      `${countBefore} -> ${countAfter} (${countReloaded} after a reload), upvote taken back; ${seconds} s`,
  )
} finally {
  if (upvoted) {
    // The test stopped half-way: the demo account's upvote is taken back through the API.
    const api = await browser.newContext({ ignoreHTTPSErrors: true })
    const login = await api.request.post(`${BASE_URL}/api/auth/login/`, {
      data: { username: catalog.demo_username, password: catalog.demo_password },
    })
    const { access } = await login.json()
    await api.request.delete(upvoted, { headers: { Authorization: `Bearer ${access}` } })
  }
  await browser.close()
}
