// @ts-check
/**
 * How soon a cold visitor sees the first product title. The document names the page's first data
 * request (`<link rel="preload" as="fetch">`, backend/webapp/views.py) and, on a product page, the
 * page's code, so they travel with the app's first bundle; the app's own request takes the
 * preloaded answer instead of asking again.
 *
 * Each load is cold: a new browser context (no HTTP cache, no service worker). The backend is warm
 * (one load of each page first), as a busy site's is. Prints, for the home page and a product
 * page, the median over LOADS (FIRST_TITLE_LOADS, 5 unless given) of the time to first byte and
 * of the time the first product title enters the page (performance.now(), from the navigation's
 * start), with the document as served and, in alternate loads, without those links.
 *
 * A signed-in browser gets the same document (the server cannot tell it apart: the refresh cookie
 * is sent to /api/auth/ only), so its request, which carries an access token, must not take the
 * anonymous preloaded answer: the person's own upvote shows.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { callApi, startBackend } from './backend.mjs'
import { VIEWPORTS, launchBrowser } from './browser.mjs'

const LOADS = Number(process.env.FIRST_TITLE_LOADS ?? 5)
const PASSWORD = 'first-title-42'
const HOME_TITLE = 'main section[aria-labelledby^="day-"] li h3'
const PRODUCT_TITLE = 'main h1'
// The links the server adds to index.html for a page's first requests (its data, a product page's
// code), not Vite's own (which do not close with " />").
const FIRST_REQUESTS = /\n\s*<link rel="(?:preload" as="fetch"|modulepreload" crossorigin)[^>]* \/>/g

/** @type {Awaited<ReturnType<typeof startBackend>>} */
let backend
/** @type {import('playwright-core').Browser} */
let browser
/** @type {{ username: string, access: string }} */
let person
/** @type {{ id: number, slug: string, title: string }} */
let product

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** The home page's first data request, as the web app builds it (get-launch-days.ts). */
function launchDaysUrl() {
  const today = new Date().toISOString().slice(0, 10)
  return `${backend.url}/api/products/launch-days/?date=${today}&ordering=hot&days=1&page_size=10`
}

/**
 * Hands `page` its document through the DevTools protocol, as served or without the links to its
 * first requests.
 * Only the document is held (Playwright's routes would hold every request of the page).
 * @param {import('playwright-core').Page} page @param {string} address
 * @param {'as served' | 'without first requests'} passing @param {unknown[]} failures
 */
async function passThrough(page, address, passing, failures) {
  const session = await page.context().newCDPSession(page)
  session.on('Fetch.requestPaused', (paused) => {
    const pass = async () => {
      const { body, base64Encoded } = await session.send('Fetch.getResponseBody', { requestId: paused.requestId })
      const html = base64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body
      const given = passing === 'as served' ? html : html.replace(FIRST_REQUESTS, '')
      await session.send('Fetch.fulfillRequest', {
        requestId: paused.requestId,
        responseCode: paused.responseStatusCode ?? 200,
        // The body is given decoded, and perhaps shorter.
        responseHeaders: (paused.responseHeaders ?? []).filter(({ name }) => !/^content-(length|encoding)$/i.test(name)),
        body: Buffer.from(given).toString('base64'),
      })
    }
    pass().catch((error) => failures.push(error))
  })
  await session.send('Fetch.enable', { patterns: [{ urlPattern: address, resourceType: 'Document', requestStage: 'Response' }] })
}

/**
 * Opens `path` in a new browser context and waits for the first element matching `selector`.
 * With `document`, the page's document passes through the test on its way (as served, or without
 * the links to its first requests: what the page was before it had them), the same detour either way.
 * @param {string} path @param {string} selector @param {string} dataUrl the page's first data request
 * @param {{ context?: import('playwright-core').BrowserContextOptions, document?: 'as served' | 'without first requests' }} [options]
 */
async function coldLoad(path, selector, dataUrl, options = {}) {
  const context = await browser.newContext({ baseURL: backend.url, viewport: VIEWPORTS.desktop, ...options.context })
  try {
    // Set before the page's own scripts run: the moment the title enters the document.
    await context.addInitScript((titleSelector) => {
      const found = () => {
        if (!document.querySelector(titleSelector)) return false
        Object.assign(window, { firstTitleAt: performance.now() })
        return true
      }
      const observer = new MutationObserver(() => {
        if (found()) observer.disconnect()
      })
      observer.observe(document, { childList: true, subtree: true })
    }, selector)
    const page = await context.newPage()
    /** @type {unknown[]} */
    const failures = []
    if (options.document) await passThrough(page, new URL(path, backend.url).href, options.document, failures)
    /** @type {{ authorized: boolean }[]} */
    const sent = []
    page.on('request', (request) => {
      if (request.url() === dataUrl) sent.push({ authorized: 'authorization' in request.headers() })
    })
    await page.goto(path)
    await page.waitForFunction(() => 'firstTitleAt' in window, null, { timeout: 15_000 })
    const measured = await page.evaluate((url) => {
      const navigation = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0])
      return {
        firstByte: navigation.responseStart,
        firstTitle: /** @type {number} */ (Reflect.get(window, 'firstTitleAt')),
        fetchedBy: performance.getEntriesByType('resource').flatMap((entry) =>
          entry.name === url ? [/** @type {PerformanceResourceTiming} */ (entry).initiatorType] : [],
        ),
      }
    }, dataUrl)
    assert.deepEqual(failures, [], 'the document passed through the test')
    const titles = await page.locator(selector).allTextContents()
    const upvoted = await page.locator('button[aria-pressed="true"]').allTextContents()
    return { ...measured, sent, titles, upvoted }
  } finally {
    await context.close()
  }
}

/**
 * LOADS cold loads of `path` as served, each followed by one without the links to its first
 * requests; each of the first must have fetched its data once, by the document's preload.
 * @param {string} name @param {string} path @param {string} selector @param {string} dataUrl
 */
async function measure(name, path, selector, dataUrl) {
  await coldLoad(path, selector, dataUrl) // the backend's caches warm, as on a visited site
  const loads = []
  const before = []
  for (let index = 0; index < LOADS; index += 1) {
    loads.push(await coldLoad(path, selector, dataUrl, { document: 'as served' }))
    before.push(await coldLoad(path, selector, dataUrl, { document: 'without first requests' }))
  }
  /** @param {{ firstByte: number, firstTitle: number }[]} series */
  const figures = (series) =>
    `first byte ${median(series.map((load) => load.firstByte)).toFixed(0)} ms, ` +
    `first product title ${median(series.map((load) => load.firstTitle)).toFixed(0)} ms`
  console.log(`${name}, median of ${LOADS} cold loads: as served ${figures(loads)}; without the first requests' links ${figures(before)}`)
  for (const load of loads) {
    assert.equal(load.sent.length, 1, `${name}: ${dataUrl} was requested ${load.sent.length} times`)
    assert.deepEqual(load.fetchedBy, ['link'], `${name}: ${dataUrl} was fetched by ${load.fetchedBy.join(', ')}`)
  }
  for (const load of before) assert.deepEqual(load.fetchedBy, ['fetch'], `${name}: the preload was not taken out`)
  return loads
}

/**
 * A browser profile signed in as the web app leaves it: the refresh cookie (a new one each time,
 * as refresh tokens are rotated) and the hint that makes the app restore the session.
 * @returns {Promise<import('playwright-core').BrowserContextOptions>}
 */
async function signedIn() {
  const login = await fetch(`${backend.url}/api/auth/login/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username: person.username, password: PASSWORD }),
  })
  assert.equal(login.status, 200, await login.clone().text())
  const cookie = login.headers.getSetCookie().find((line) => line.startsWith('vitrin_refresh='))
  assert.ok(cookie, 'the login set the refresh cookie')
  return {
    storageState: {
      cookies: [
        {
          name: 'vitrin_refresh',
          value: cookie.split(';')[0]?.split('=')[1] ?? '',
          domain: new URL(backend.url).hostname,
          path: '/api/auth/',
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: 'Strict',
        },
      ],
      origins: [{ origin: backend.url, localStorage: [{ name: 'vitrin:signed-in', value: '1' }] }],
    },
  }
}

describe('the first product title', { concurrency: 1 }, () => {
  before(async () => {
    backend = await startBackend()
    browser = await launchBrowser()
    const username = `first_title_${Date.now().toString(36)}`
    const registered = await callApi(backend.url, 'POST', '/api/auth/register/', {
      body: { username, email: `${username}@example.com`, password: PASSWORD },
    })
    person = { username, access: registered.access }
    product = await callApi(backend.url, 'POST', '/api/products/', {
      token: person.access,
      body: { title: 'Glowtab first title', tagline: 'A lamp for the tabs you keep open', category: 'developer-tools', status: 'published' },
    })
  })

  after(async () => {
    await browser?.close()
    await backend?.stop()
  })

  test("the home page's launches are requested with the document, once", async () => {
    const loads = await measure('home', '/', HOME_TITLE, launchDaysUrl())
    assert.ok(loads.every((load) => load.titles.length > 0))
  })

  test("a product page's product is requested with the document, once", async () => {
    const path = `/products/${product.id}/${product.slug}`
    const loads = await measure('product page', path, PRODUCT_TITLE, `${backend.url}/api/products/${product.id}/`)
    assert.ok(loads.every((load) => load.titles[0] === product.title))
  })

  test('a signed-in browser does not take the anonymous answer: its own upvotes show', async () => {
    const first = (await callApi(backend.url, 'GET', launchDaysUrl().slice(backend.url.length))).days[0].results[0]
    await callApi(backend.url, 'POST', `/api/products/${first.id}/upvote/`, { token: person.access })
    await callApi(backend.url, 'POST', `/api/products/${product.id}/upvote/`, { token: person.access })
    const home = await coldLoad('/', HOME_TITLE, launchDaysUrl(), { context: await signedIn() })
    const productPage = await coldLoad(`/products/${product.id}/${product.slug}`, PRODUCT_TITLE, `${backend.url}/api/products/${product.id}/`, {
      context: await signedIn(),
    })

    assert.ok(home.sent.some((request) => request.authorized), 'the home page asked for its launches with the access token')
    assert.ok(home.upvoted.some((label) => label.includes(first.title)), `the home page shows ${first.title} as upvoted`)
    assert.ok(productPage.sent.some((request) => request.authorized), 'the product page asked for its product with the access token')
    assert.ok(productPage.upvoted.some((label) => label.includes(product.title)), `the product page shows ${product.title} as upvoted`)
  })
})
