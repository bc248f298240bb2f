// @ts-check
/**
 * Every Vitrin journey in Debian's Chromium against the real backend (SQLite, demo data).
 * Each page visited is screenshot at desktop and phone width into e2e/screenshots/, checked
 * by axe (no serious or critical violation) and for console errors.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { startBackend } from './backend.mjs'
import { SCREENSHOTS, VIEWPORTS, launchBrowser, openPerson, seriousViolations } from './browser.mjs'

const DEMO_PASSWORD = 'vitrin-demo-2026'
const PASSWORD = 'window-shopping-42'
const run = Date.now().toString(36)
const letters = run.replace(/[0-9]/g, (digit) => 'abcdefghij'[Number(digit)] ?? 'x')
const maker = `maker_${run}`
const productTitle = `Glowtab ${letters}`
const commentText = `Lovely launch, does it work offline? (${run})`
const replyText = `Yes it does, fully offline. (${run})`

/** @type {Awaited<ReturnType<typeof startBackend>>} */
let backend
/** @type {import('playwright-core').Browser} */
let browser
/** @type {import('./browser.mjs').Person} */
let makerTab
/** @type {import('./browser.mjs').Person} */
let voterTab
let productPath = ''

/**
 * Screenshots the page at both widths, runs axe and checks the console, then clears it.
 * @param {import('./browser.mjs').Person} person
 * @param {string} name
 * @param {RegExp[]} allowedConsole messages expected on this page (a refused request is logged by the browser)
 */
async function visitChecks(person, name, allowedConsole = []) {
  const { page } = person
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0, null, { timeout: 15_000 }).catch(() => undefined)
  await page.evaluate(async () => {
    await document.fonts.ready
    window.scrollTo(0, 0)
  })
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport)
    await page.waitForTimeout(250)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the ${width} screen`)
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize(VIEWPORTS.desktop)
  assert.deepEqual(await seriousViolations(page), [], `axe found serious or critical violations on ${name}`)
  const errors = person.consoleErrors.filter((message) => !allowedConsole.some((pattern) => pattern.test(message)))
  person.consoleErrors.length = 0
  assert.deepEqual(errors, [], `console errors on ${name}`)
}

/** @param {import('playwright-core').Page} page @param {string} login @param {string} password */
async function logIn(page, login, password) {
  await page.goto('/login')
  await page.getByLabel('Email or username').fill(login)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('button', { name: 'Your account menu' }).waitFor()
}

/** @param {import('playwright-core').Page} page @param {string} username */
async function register(page, username) {
  await page.goto('/register')
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Email').fill(`${username}@example.com`)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Create my account' }).click()
  await page.getByRole('button', { name: 'Your account menu' }).waitFor()
}

describe('Vitrin in a real browser', { concurrency: 1 }, () => {
  before(async () => {
    backend = await startBackend()
    browser = await launchBrowser()
    makerTab = await openPerson(browser, backend.url)
    voterTab = await openPerson(browser, backend.url)
  })

  after(async () => {
    await browser?.close()
    await backend?.stop()
  })

  test('a visitor sees the launches of today and of the days before', async () => {
    const { page } = voterTab
    await page.goto('/')
    await page.getByRole('heading', { name: /^Today/ }).waitFor()
    assert.ok((await page.getByRole('article').count()) >= 3, 'the home page lists products')
    await page.mouse.wheel(0, 4000)
    await page.getByRole('heading', { name: /^Yesterday/ }).waitFor()
    await visitChecks(voterTab, 'home')
  })

  test('a new maker registers and launches a product with an image', async () => {
    const { page } = makerTab
    await page.goto('/register')
    await visitChecks(makerTab, 'register')
    await register(page, maker)

    await page.goto('/submit')
    await page.getByLabel('Name').waitFor()
    await visitChecks(makerTab, 'submit')
    const image = join(backend.work, 'cover.png')
    execFileSync(backend.python, [
      '-c',
      'import sys\nfrom PIL import Image, ImageDraw\nimg = Image.new("RGB", (800, 800), (194, 65, 12))\nd = ImageDraw.Draw(img)\nd.ellipse((200, 200, 600, 600), fill=(253, 230, 138))\nimg.save(sys.argv[1])',
      image,
    ])
    await page.getByLabel('Name').fill(productTitle)
    await page.getByLabel('Tagline (optional)').fill('A lamp for the tabs you keep open')
    await page.getByLabel('Link (optional)').fill('https://glowtab.example.com')
    await page.getByLabel('Category').selectOption('developer-tools')
    await page.getByLabel('Description (optional)').fill('Glowtab dims the tabs you are not using.\n\nIt works offline.')
    await page.getByLabel('Thumbnail').setInputFiles(image)
    await page.getByRole('img', { name: 'Thumbnail preview' }).and(page.locator('img[src*="/media/"]')).waitFor()
    await page.getByLabel('Tags (optional)').fill('focus')
    await page.getByLabel('Tags (optional)').press('Enter')
    await page.getByRole('button', { name: 'Publish' }).click()

    await page.waitForURL(/\/products\/\d+\//)
    productPath = new URL(page.url()).pathname
    await page.getByRole('heading', { level: 1, name: productTitle }).waitFor()
    await visitChecks(makerTab, 'product')
  })

  test('the new product is on the home page', async () => {
    const { page } = voterTab
    await page.goto('/?sort=new')
    await page.getByRole('link', { name: productTitle }).waitFor()
  })

  test('another person upvotes and comments', async () => {
    const { page } = voterTab
    await logIn(page, 'lena', DEMO_PASSWORD)
    await page.goto(productPath)
    await page.getByRole('button', { name: new RegExp(`^Upvote ${productTitle}`) }).click()
    await page.getByRole('button', { name: new RegExp(`^Remove your upvote from ${productTitle},\\s*1\\s*upvotes`) }).waitFor()
    await page.getByLabel('What do you think of it?').fill(commentText)
    await page.getByRole('button', { name: 'Comment', exact: true }).click()
    await page.getByText(commentText).waitFor()
    await page.reload()
    await page.getByRole('button', { name: new RegExp(`^Remove your upvote from ${productTitle}`) }).waitFor()
    await page.getByText(commentText).waitFor()
  })

  test('the maker is notified and replies', async () => {
    const { page } = makerTab
    await page.goto('/')
    await page.getByRole('link', { name: /^Notifications, [1-9]\d* unread$/ }).click()
    // Each notification names the product it is about.
    await page.getByRole('link', { name: new RegExp(`commented on ${productTitle}$`) }).waitFor()
    await page.getByRole('link', { name: new RegExp(`upvoted ${productTitle}$`) }).waitFor()
    await visitChecks(makerTab, 'notifications')

    await page.getByRole('link', { name: new RegExp(`commented on ${productTitle}$`) }).click()
    await page.waitForURL(/#comment-\d+$/)
    const thread = page.locator('[id^="comment-"]', { hasText: commentText }).first()
    await thread.getByRole('button', { name: 'Reply', exact: true }).first().click()
    await page.getByRole('textbox', { name: /^Reply to / }).fill(replyText)
    await page.getByRole('button', { name: 'Post reply' }).click()
    await page.getByText(replyText).waitFor()
    await visitChecks(makerTab, 'product-discussion')
  })

  test('search finds the product and marks the matched word', async () => {
    const { page } = makerTab
    await page.goto('/')
    await page.getByRole('searchbox', { name: 'Search products' }).fill('Glowtab')
    await page.waitForURL(/\/search\?q=Glowtab$/)
    await page.getByRole('heading', { name: 'Results for “Glowtab”' }).waitFor()
    await page.getByRole('link', { name: productTitle }).waitFor()
    assert.ok((await page.locator('mark', { hasText: /glowtab/i }).count()) >= 1, 'the matched word is marked')
    await visitChecks(makerTab, 'search')

    await page.goto('/search?q=qqqzzzxxx')
    await page.getByText('Nothing matches “qqqzzzxxx”').waitFor()
    await visitChecks(makerTab, 'search-empty')
  })

  test("the maker's profile shows the product; the settings pages open", async () => {
    const { page } = makerTab
    await page.goto(`/users/${maker}`)
    await page.getByRole('link', { name: productTitle }).waitFor()
    await visitChecks(makerTab, 'profile')
    await page.goto('/users/lena/followers')
    await page.getByRole('navigation', { name: 'Profile sections' }).waitFor()
    await visitChecks(makerTab, 'profile-followers')
    await page.goto('/settings/profile')
    await page.getByLabel('Bio (optional)').fill('I make lamps for browsers.')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    await visitChecks(makerTab, 'profile-edit')
    await page.goto('/settings/password')
    await page.getByLabel('Current password').waitFor()
    await visitChecks(makerTab, 'password-change')
  })

  test('logging out leaves no token behind', async () => {
    const { page } = makerTab
    await page.getByRole('button', { name: 'Your account menu' }).click()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.getByRole('link', { name: 'Log in' }).waitFor()
    const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage, ...window.sessionStorage }) + document.cookie)
    assert.ok(!/eyJ/.test(stored), `no JWT in storage or readable cookies: ${stored}`)
    await page.reload()
    await page.getByRole('link', { name: 'Log in' }).waitFor()
  })

  test('refusals are readable: a wrong password, an invalid form', async () => {
    const { page } = makerTab
    await page.goto('/login')
    await page.getByLabel('Email or username').fill(maker)
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor()
    await visitChecks(makerTab, 'login-refused', [/status of 401/])

    await page.goto('/register')
    await page.getByLabel('Username').fill('has spaces')
    await page.getByLabel('Email').fill('nope')
    await page.getByLabel('Password').fill('123')
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.getByText('Enter a valid email address.').waitFor()
    await page.getByText('Use at least 8 characters.').waitFor()
    await visitChecks(makerTab, 'register-invalid')

    await page.goto('/password/reset')
    await page.getByLabel('Email').fill(`${maker}@example.com`)
    await page.getByRole('button', { name: 'Send me a reset link' }).click()
    await page.getByRole('status').filter({ hasText: 'on its way' }).waitFor()
    await visitChecks(makerTab, 'password-reset')
  })

  test('a draft is seen by its maker only', async () => {
    const { page } = makerTab
    await logIn(page, maker, PASSWORD)
    await page.goto('/submit')
    await page.getByLabel('Name').fill(`Secret ${productTitle}`)
    await page.getByLabel('Category').selectOption('developer-tools')
    await page.getByRole('button', { name: 'Save as draft' }).click()
    await page.waitForURL(/\/products\/\d+\//)
    await page.getByText('only you can see it').waitFor()
    const draftPath = new URL(page.url()).pathname

    // The maker finds the draft again in their list of drafts, which opens it in the editor.
    await page.getByRole('link', { name: 'All your drafts' }).click()
    await page.waitForURL(/\/me\/products\?status=draft$/)
    await page.getByRole('link', { name: `Secret ${productTitle}`, exact: true }).waitFor()
    await visitChecks(makerTab, 'own-products-drafts')
    await page.getByRole('link', { name: 'Published', exact: true }).click()
    await page.getByRole('link', { name: productTitle, exact: true }).waitFor()
    assert.equal(await page.getByRole('link', { name: `Secret ${productTitle}`, exact: true }).count(), 0)
    await page.getByRole('link', { name: 'Drafts', exact: true }).click()
    await page.getByRole('link', { name: `Secret ${productTitle}`, exact: true }).click()
    await page.waitForURL(new RegExp(`${draftPath.split('/').slice(0, 3).join('/')}/edit$`))
    await page.getByRole('button', { name: 'Save as draft' }).waitFor()

    const other = voterTab.page
    await other.goto(draftPath)
    await other.getByRole('heading', { name: 'This product is not in the window' }).waitFor()
    await visitChecks(voterTab, 'draft-hidden', [/status of 404/])
    await other.goto('/search?q=Secret')
    await other.getByRole('heading', { name: /Results for/ }).waitFor()
    assert.equal(await other.getByRole('link', { name: `Secret ${productTitle}` }).count(), 0)
  })

  test('the other pages: categories, a category, not found', async () => {
    const { page } = voterTab
    await page.goto('/categories')
    await page.getByRole('link', { name: /Developer Tools/ }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Developer Tools' }).waitFor()
    await page.getByRole('link', { name: productTitle }).waitFor()
    await visitChecks(voterTab, 'category')
    await page.goto('/categories')
    await page.getByRole('heading', { level: 1 }).waitFor()
    await visitChecks(voterTab, 'categories')
    await page.goto('/no/such/page')
    await page.getByRole('heading', { name: 'This page is not in the window' }).waitFor()
    await visitChecks(voterTab, 'not-found')
  })
})
