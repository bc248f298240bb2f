// @ts-check
/**
 * The installable web app in Debian's Chromium against the real backend (SQLite, demo data): the
 * service worker keeps what a visitor saw and shows it offline, never keeps anybody's own
 * answers, and a sample of page loads reports its Core Web Vitals to /api/vitals/.
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, describe, test } from 'node:test'
import { callApi, startBackend } from './backend.mjs'
import { launchBrowser, openPerson } from './browser.mjs'

const PASSWORD = 'window-shopping-42'
const OFFLINE_NOTICE = 'You are offline — showing what you saw last'

/** @type {Awaited<ReturnType<typeof startBackend>>} */
let backend
/** @type {import('playwright-core').Browser} */
let browser
/** @type {import('./browser.mjs').Person[]} */
let opened = []

/**
 * A fresh browser profile whose page loads are all measured (`sampled`) or none: the web app
 * draws its sample with Math.random, so the count of beacons this file sends is exact.
 * @param {{ sampled: boolean }} options
 */
async function newPerson({ sampled }) {
  const person = await openPerson(browser, backend.url)
  await person.context.addInitScript((value) => {
    Math.random = () => value
  }, sampled ? 0 : 0.999)
  opened.push(person)
  return person
}

/** The titles of the products the home page lists, once it lists some. @param {import('playwright-core').Page} page */
async function homeTitles(page) {
  await page.locator('main h3').first().waitFor({ timeout: 15_000 })
  return (await page.locator('main h3').allTextContents()).map((title) => title.trim())
}

/** Waits (with a deadline) until the service worker controls the page. @param {import('playwright-core').Page} page */
async function controlledByServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000, polling: 100 })
}

/**
 * Every entry of the page's Cache Storage: the cache, the URL and what the kept request and
 * answer say about credentials and caching.
 * @param {import('playwright-core').Page} page
 */
async function keptEntries(page) {
  return page.evaluate(async () => {
    const entries = []
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const request of await cache.keys()) {
        const response = await cache.match(request)
        entries.push({
          cache: name,
          path: new URL(request.url).pathname,
          authorization: request.headers.get('Authorization'),
          cacheControl: response?.headers.get('Cache-Control') ?? null,
        })
      }
    }
    return entries
  })
}

/**
 * The value of one sample of the backend's Prometheus metrics (0 when absent).
 * @param {string} name @param {string} labels as written in the exposition, e.g. `page="home"`
 */
async function metric(name, labels) {
  const text = await (await fetch(`${backend.url}/metrics`)).text()
  const line = text.split('\n').find((row) => row.startsWith(`${name}{${labels}} `))
  return line ? Number(line.split(' ')[1]) : 0
}

describe('the installable web app', () => {
  before(async () => {
    backend = await startBackend()
    browser = await launchBrowser()
  })

  afterEach(async () => {
    await Promise.all(opened.map((person) => person.context.close()))
    opened = []
  })

  after(async () => {
    await browser?.close()
    await backend?.stop()
  })

  test('offline, a visitor reloading the home page sees the launches they saw last and is told so', async () => {
    const { context, page } = await newPerson({ sampled: false })
    await page.goto('/')
    const titles = await homeTitles(page)
    assert.ok(titles.length > 0)
    await controlledByServiceWorker(page)
    // The worker that took control fetches the page's public API answers again to keep them.
    await page.waitForFunction(
      async () => {
        const cache = await caches.open('vitrin-api')
        return (await cache.keys()).some((request) => new URL(request.url).pathname === '/api/products/')
      },
      null,
      { timeout: 15_000, polling: 200 },
    )
    assert.equal(await page.getByText(OFFLINE_NOTICE).count(), 0)

    await context.setOffline(true)
    await page.reload()

    assert.deepEqual(await homeTitles(page), titles)
    await page.getByText(OFFLINE_NOTICE).waitFor()
    assert.equal(await page.evaluate(() => navigator.onLine), false)
  })

  test("nothing kept by the service worker is a signed-in person's own answer", async () => {
    const username = `keeper_${Date.now().toString(36)}`
    await callApi(backend.url, 'POST', '/api/auth/register/', {
      body: { username, email: `${username}@example.com`, password: PASSWORD },
    })
    const { page } = await newPerson({ sampled: false })
    await page.goto('/')
    await homeTitles(page)
    await controlledByServiceWorker(page)

    await page.goto('/login')
    await page.getByLabel('Email or username').fill(username)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByRole('button', { name: 'Your account menu' }).waitFor()
    const notifications = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/notifications/')
    await page.goto('/notifications')
    assert.equal((await notifications).status(), 200)
    const homeList = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/api/products/'))
    await page.goto('/')
    assert.equal((await homeList).status(), 200)
    await homeTitles(page)

    const kept = (await keptEntries(page)).filter((entry) => entry.cache !== 'vitrin-images')
    const api = kept.filter((entry) => entry.path.startsWith('/api/'))
    assert.ok(api.length > 0, 'the public answers read before signing in are kept')
    assert.deepEqual(
      kept.filter((entry) => /^\/api\/(auth|notifications)\//.test(entry.path)),
      [],
      'a signed-in answer is in the Cache Storage',
    )
    assert.deepEqual(
      api.filter((entry) => entry.authorization !== null || /private|no-store/.test(entry.cacheControl ?? '')),
      [],
      'an answer to a request with credentials is in the Cache Storage',
    )
  })

  test("a sampled page load reports its Core Web Vitals, once, under the page's type", async () => {
    const before = {
      lcp: await metric('vitrin_web_vitals_lcp_seconds_count', 'page="home"'),
      fcp: await metric('vitrin_web_vitals_fcp_seconds_count', 'page="home"'),
      ttfb: await metric('vitrin_web_vitals_ttfb_seconds_count', 'page="home"'),
      cls: await metric('vitrin_web_vitals_cls_count', 'page="home"'),
    }
    const { page } = await newPerson({ sampled: true })
    await page.goto('/')
    await homeTitles(page)

    // Leaving the page hides it: the moment the beacon goes (a JSON Blob: the endpoint refuses
    // any other body, so a count proves the whole way).
    await page.goto('/robots.txt')

    const deadline = Date.now() + 10_000
    while ((await metric('vitrin_web_vitals_lcp_seconds_count', 'page="home"')) === before.lcp && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 100))
    }
    assert.equal(await metric('vitrin_web_vitals_lcp_seconds_count', 'page="home"'), before.lcp + 1)
    assert.equal(await metric('vitrin_web_vitals_fcp_seconds_count', 'page="home"'), before.fcp + 1)
    assert.equal(await metric('vitrin_web_vitals_ttfb_seconds_count', 'page="home"'), before.ttfb + 1)
    assert.equal(await metric('vitrin_web_vitals_cls_count', 'page="home"'), before.cls + 1)
  })
})
