// @ts-check
/**
 * What images cost a reader. A maker uploads four 12-megapixel phone photos (4000 x 3000 JPEGs
 * of 3-5 MB, made here with Pillow) as the covers of four products; the home page must then load
 * their 160-pixel copies only, and the product page the copy its gallery draws, never the
 * originals. Prints the bytes of the originals next to the bytes the pages actually loaded.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { callApi, startBackend } from './backend.mjs'
import { launchBrowser, openPerson } from './browser.mjs'
import { makePhotos, uploadPhoto } from './photos.mjs'

const PHOTOS = 4

/** @type {Awaited<ReturnType<typeof startBackend>>} */
let backend
/** @type {ReturnType<typeof makePhotos> | undefined} */
let photos
/** @type {import('playwright-core').Browser} */
let browser
/** @type {{ id: number, slug: string, url: string, size: number, stem: string }[]} */
const launched = []

/**
 * The images a page loaded from /media/, as the browser's resource timing reports them.
 * @param {import('playwright-core').Page} page
 */
async function mediaLoaded(page) {
  return page.evaluate(() =>
    /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
      .filter((entry) => new URL(entry.name).pathname.startsWith('/media/'))
      .map((entry) => ({ path: new URL(entry.name).pathname, bytes: entry.transferSize })),
  )
}

/** Waits until every <img> of the page that is in view has loaded. @param {import('playwright-core').Page} page */
async function imagesSettled(page) {
  await page.waitForFunction(
    () => [...document.images].filter((image) => image.getBoundingClientRect().top < innerHeight && image.loading !== 'lazy').every((image) => image.complete),
    null,
    { timeout: 30_000 },
  )
  await page.waitForLoadState('networkidle')
}

/** @param {number} bytes */
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

describe('images', () => {
  before(async () => {
    // The photos first: a client that waits seconds between two calls may find its kept-alive
    // connection closed by the server.
    photos = makePhotos(PHOTOS)
    const { paths } = photos
    backend = await startBackend()
    browser = await launchBrowser()
    const username = `photographer${Date.now().toString(36).replace(/[0-9]/g, '')}`
    const { access } = await callApi(backend.url, 'POST', '/api/auth/register/', {
      body: { username, email: `${username}@example.com`, password: 'window-shopping-42' },
    })
    for (const [index, path] of paths.entries()) {
      const sent = readFileSync(path).length
      assert.ok(sent > 3_000_000 && sent < 5_000_000, `photo ${index} is ${sent} bytes`)
      const stored = await uploadPhoto(backend.url, path, access)
      const product = await callApi(backend.url, 'POST', '/api/products/', {
        token: access,
        body: { title: `Shutter ${username} ${index}`, tagline: 'Photos', category: 'developer-tools', status: 'published', image: stored.url },
      })
      assert.ok(product.image_variants, 'the copies are made when the upload commits (inline without a broker)')
      launched.push({ id: product.id, slug: product.slug, url: stored.url, size: stored.size, stem: stored.url.replace(/\.[a-z]+$/, '') })
    }
  })

  after(async () => {
    await browser?.close()
    await backend?.stop()
    photos?.remove()
  })

  test('the home page loads the small copies of the covers, never the originals', async () => {
    const { page, context } = await openPerson(browser, backend.url)
    await page.goto('/')
    await page.getByRole('link', { name: new RegExp(`Shutter .* ${PHOTOS - 1}`) }).first().waitFor()
    await imagesSettled(page)
    const loaded = await mediaLoaded(page)
    await context.close()

    const ours = loaded.filter((entry) => launched.some((product) => entry.path.startsWith(product.stem)))
    const originals = launched.reduce((sum, product) => sum + product.size, 0)
    const bytes = ours.reduce((sum, entry) => sum + entry.bytes, 0)
    console.log(
      `home: the ${PHOTOS} covers are ${kilobytes(originals)} as uploaded; the page loaded ${kilobytes(bytes)} for them ` +
        `(${ours.map((entry) => entry.path.split('/').at(-1)).join(', ')}); all /media/ images: ${kilobytes(loaded.reduce((sum, entry) => sum + entry.bytes, 0))}`,
    )
    assert.deepEqual(
      ours.map((entry) => entry.path).sort(),
      launched.map((product) => `${product.stem}.w160.avif`).sort(),
      'each cover once, as its 160-pixel AVIF copy',
    )
    assert.ok(!loaded.some((entry) => launched.some((product) => entry.path === product.url)), 'no original is fetched')
    // A 160 x 120 copy is a few KB; allow 30 KB each, a hundredth of one original.
    assert.ok(bytes < PHOTOS * 30_000, `${bytes} bytes for ${PHOTOS} thumbnails`)
  })

  test('the product page preloads and draws the copy its gallery needs', async () => {
    const product = launched[0]
    assert.ok(product)
    const { page, context } = await openPerson(browser, backend.url)
    const html = await (await fetch(`${backend.url}/products/${product.id}/${product.slug}`)).text()
    assert.match(html, new RegExp(`<link rel="preload" as="image" type="image/avif" imagesrcset="${product.stem}\\.w160\\.avif 160w`))
    await page.goto(`/products/${product.id}/${product.slug}`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await imagesSettled(page)
    const loaded = (await mediaLoaded(page)).filter((entry) => entry.path.startsWith(product.stem))
    await context.close()

    const bytes = loaded.reduce((sum, entry) => sum + entry.bytes, 0)
    console.log(
      `product page: the cover is ${kilobytes(product.size)} as uploaded; the page loaded ${kilobytes(bytes)} for it (${loaded.map((entry) => `${entry.path.split('/').at(-1)} ${kilobytes(entry.bytes)}`).join(', ')})`,
    )
    // At 1366 px wide the gallery is 760 px: the 800 copy, fetched once, by the preload. The
    // 96-pixel cover beside the title is the same picture, which Chromium draws from that copy.
    assert.deepEqual(loaded.map((entry) => entry.path), [`${product.stem}.w800.avif`])
    assert.ok(bytes < product.size / 10, `${bytes} bytes, against ${product.size} for the original`)
  })
})
