// @ts-check
/**
 * Every Vitrin journey in Debian's Chromium against the real backend (SQLite, demo data).
 * Each page visited is screenshot at desktop and phone width into e2e/screenshots/, checked
 * by axe (no serious or critical violation) and for console errors.
 *
 * Each test stands alone: it makes the people and products it needs through the API, with
 * names of its own, and opens its own browser profiles, so any one can run (or fail) without
 * the others.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { after, afterEach, before, describe, test } from 'node:test'
import { callApi, startBackend } from './backend.mjs'
import { SCREENSHOTS, VIEWPORTS, launchBrowser, openPerson, seriousViolations } from './browser.mjs'

const PASSWORD = 'window-shopping-42'
const run = Date.now().toString(36)
let made = 0

/** A name no other test (nor an earlier run) uses, in letters only, so search reads it as one word. */
function uniqueWord() {
  made += 1
  return `${run}${String(made).padStart(4, '0')}`.replace(/[0-9]/g, (digit) => 'abcdefghij'[Number(digit)] ?? 'x')
}

/** @type {Awaited<ReturnType<typeof startBackend>>} */
let backend
/** @type {import('playwright-core').Browser} */
let browser
/** @type {import('./browser.mjs').Person[]} */
let opened = []

/** A fresh browser profile for one person of the test (closed when the test ends). */
async function newPerson() {
  const person = await openPerson(browser, backend.url)
  opened.push(person)
  return person
}

/**
 * A new account, made through the API.
 * @returns {Promise<{ username: string, access: string }>}
 */
async function newAccount() {
  const username = `user_${uniqueWord()}`
  const answer = await callApi(backend.url, 'POST', '/api/auth/register/', {
    body: { username, email: `${username}@example.com`, password: PASSWORD },
  })
  return { username, access: answer.access }
}

/**
 * A product `maker` launches through the API, in Developer Tools.
 * @param {{ access: string }} maker
 * @param {Record<string, unknown>} fields
 * @returns {Promise<{ id: number, title: string, path: string }>}
 */
async function launch(maker, fields = {}) {
  const title = `Glowtab ${uniqueWord()}`
  const product = await callApi(backend.url, 'POST', '/api/products/', {
    token: maker.access,
    body: { title, tagline: 'A lamp for the tabs you keep open', category: 'developer-tools', status: 'published', ...fields },
  })
  return { id: product.id, title: product.title, path: `/products/${product.id}/${product.slug}` }
}

/**
 * Waits until the page has drawn what it shows at its current size: the viewport has the width
 * asked for and two animation frames have passed (the layout after the resize is painted).
 * @param {import('playwright-core').Page} page @param {number} width
 */
async function settledAt(page, width) {
  await page.waitForFunction((expected) => window.innerWidth === expected, width)
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))))
}

/**
 * Screenshots the page at both widths, runs axe and checks the console, then clears it.
 * @param {import('./browser.mjs').Person} person
 * @param {string} name
 * @param {RegExp[]} allowedConsole messages expected on this page (a refused request is logged by the browser)
 */
async function visitChecks(person, name, allowedConsole = []) {
  const { page } = person
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0, null, { timeout: 15_000 })
  await page.evaluate(async () => {
    await document.fonts.ready
    window.scrollTo(0, 0)
  })
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport)
    await settledAt(page, viewport.width)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the ${width} screen`)
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize(VIEWPORTS.desktop)
  await settledAt(page, VIEWPORTS.desktop.width)
  assert.deepEqual(await seriousViolations(page), [], `axe found serious or critical violations on ${name}`)
  const errors = person.consoleErrors.filter((message) => !allowedConsole.some((pattern) => pattern.test(message)))
  person.consoleErrors.length = 0
  assert.deepEqual(errors, [], `console errors on ${name}`)
}

/** @param {import('playwright-core').Page} page @param {string} login @param {string} password */
async function logIn(page, login, password = PASSWORD) {
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
  })

  afterEach(async () => {
    await Promise.all(opened.map((person) => person.context.close()))
    opened = []
  })

  after(async () => {
    await browser?.close()
    await backend?.stop()
  })

  test('a visitor sees the launches of today and of the days before', async () => {
    const visitor = await newPerson()
    const { page } = visitor
    await page.goto('/')
    await page.getByRole('heading', { name: /^Today/ }).waitFor()
    assert.ok((await page.getByRole('article').count()) >= 3, 'the home page lists products')
    await page.mouse.wheel(0, 4000)
    await page.getByRole('heading', { name: /^Yesterday/ }).waitFor()
    await visitChecks(visitor, 'home')
  })

  test('a new maker registers and launches a product with an image', async () => {
    const maker = await newPerson()
    const { page } = maker
    const title = `Glowtab ${uniqueWord()}`
    await page.goto('/register')
    await visitChecks(maker, 'register')
    await register(page, `maker_${uniqueWord()}`)

    await page.goto('/submit')
    await page.getByLabel('Name').waitFor()
    await visitChecks(maker, 'submit')
    const image = join(backend.work, 'cover.png')
    execFileSync(backend.python, [
      '-c',
      'import sys\nfrom PIL import Image, ImageDraw\nimg = Image.new("RGB", (800, 800), (194, 65, 12))\nd = ImageDraw.Draw(img)\nd.ellipse((200, 200, 600, 600), fill=(253, 230, 138))\nimg.save(sys.argv[1])',
      image,
    ])
    await page.getByLabel('Name').fill(title)
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
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    await visitChecks(maker, 'product')
  })

  test('a new product is on the home page', async () => {
    const product = await launch(await newAccount())
    const { page } = await newPerson()
    await page.goto('/?sort=new')
    await page.getByRole('link', { name: product.title }).waitFor()
  })

  test('another person upvotes and comments', async () => {
    const product = await launch(await newAccount())
    const voter = await newAccount()
    const commentText = `Lovely launch, does it work offline? (${uniqueWord()})`
    const { page } = await newPerson()
    await logIn(page, voter.username)
    await page.goto(product.path)
    await page.getByRole('button', { name: new RegExp(`^Upvote ${product.title}`) }).click()
    await page.getByRole('button', { name: new RegExp(`^Remove your upvote from ${product.title},\\s*1\\s*upvotes`) }).waitFor()
    await page.getByLabel('What do you think of it?').fill(commentText)
    await page.getByRole('button', { name: 'Comment', exact: true }).click()
    await page.getByText(commentText).waitFor()
    await page.reload()
    await page.getByRole('button', { name: new RegExp(`^Remove your upvote from ${product.title}`) }).waitFor()
    await page.getByText(commentText).waitFor()
  })

  test('the maker is notified and replies', async () => {
    const makerAccount = await newAccount()
    const product = await launch(makerAccount)
    const voter = await newAccount()
    const commentText = `Lovely launch, does it work offline? (${uniqueWord()})`
    const replyText = `Yes it does, fully offline. (${uniqueWord()})`
    await callApi(backend.url, 'POST', `/api/products/${product.id}/upvote/`, { token: voter.access })
    await callApi(backend.url, 'POST', `/api/products/${product.id}/comments/`, { token: voter.access, body: { content: commentText } })

    const maker = await newPerson()
    const { page } = maker
    await logIn(page, makerAccount.username)
    await page.getByRole('link', { name: 'Notifications, 2 unread' }).click()
    // Each notification names the product it is about.
    await page.getByRole('link', { name: new RegExp(`commented on ${product.title}$`) }).waitFor()
    await page.getByRole('link', { name: new RegExp(`upvoted ${product.title}$`) }).waitFor()
    await visitChecks(maker, 'notifications')

    await page.getByRole('link', { name: new RegExp(`commented on ${product.title}$`) }).click()
    await page.waitForURL(/#comment-\d+$/)
    const thread = page.locator('[id^="comment-"]', { hasText: commentText }).first()
    await thread.getByRole('button', { name: 'Reply', exact: true }).first().click()
    await page.getByRole('textbox', { name: /^Reply to / }).fill(replyText)
    await page.getByRole('button', { name: 'Post reply' }).click()
    await page.getByText(replyText).waitFor()
    await visitChecks(maker, 'product-discussion')
  })

  test('search finds the product and marks the matched word', async () => {
    const word = uniqueWord()
    const product = await launch(await newAccount(), { title: `Glowtab ${word}` })
    const searcher = await newPerson()
    const { page } = searcher
    await page.goto('/')
    await page.getByRole('searchbox', { name: 'Search products' }).fill(word)
    await page.waitForURL(new RegExp(`/search\\?q=${word}$`))
    await page.getByRole('heading', { name: `Results for “${word}”` }).waitFor()
    await page.getByRole('link', { name: product.title }).waitFor()
    assert.equal(await page.locator('mark', { hasText: new RegExp(`^${word}$`, 'i') }).count(), 1, 'the matched word is marked')
    await visitChecks(searcher, 'search')

    await page.goto('/search?q=qqqzzzxxx')
    await page.getByText('Nothing matches “qqqzzzxxx”').waitFor()
    await visitChecks(searcher, 'search-empty')
  })

  test("the maker's profile shows the product; the settings pages open", async () => {
    const makerAccount = await newAccount()
    const product = await launch(makerAccount)
    const maker = await newPerson()
    const { page } = maker
    await logIn(page, makerAccount.username)
    await page.goto(`/users/${makerAccount.username}`)
    await page.getByRole('link', { name: product.title }).waitFor()
    await visitChecks(maker, 'profile')
    await page.goto('/users/lena/followers')
    await page.getByRole('navigation', { name: 'Profile sections' }).waitFor()
    await visitChecks(maker, 'profile-followers')
    await page.goto('/settings/profile')
    await page.getByLabel('Bio (optional)').fill('I make lamps for browsers.')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    await visitChecks(maker, 'profile-edit')
    await page.goto('/settings/password')
    await page.getByLabel('Current password').waitFor()
    await visitChecks(maker, 'password-change')
  })

  test('logging out leaves no token behind', async () => {
    const account = await newAccount()
    const { page } = await newPerson()
    await logIn(page, account.username)
    await page.getByRole('button', { name: 'Your account menu' }).click()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.getByRole('link', { name: 'Log in' }).waitFor()
    const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage, ...window.sessionStorage }) + document.cookie)
    assert.ok(!/eyJ/.test(stored), `no JWT in storage or readable cookies: ${stored}`)
    await page.reload()
    await page.getByRole('link', { name: 'Log in' }).waitFor()
  })

  test('refusals are readable: a wrong password, an invalid form', async () => {
    const account = await newAccount()
    const visitor = await newPerson()
    const { page } = visitor
    await page.goto('/login')
    await page.getByLabel('Email or username').fill(account.username)
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor()
    await visitChecks(visitor, 'login-refused', [/status of 401/])

    await page.goto('/register')
    await page.getByLabel('Username').fill('has spaces')
    await page.getByLabel('Email').fill('nope')
    await page.getByLabel('Password').fill('123')
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.getByText('Enter a valid email address.').waitFor()
    await page.getByText('Use at least 8 characters.').waitFor()
    await visitChecks(visitor, 'register-invalid')

    await page.goto('/password/reset')
    await page.getByLabel('Email').fill(`${account.username}@example.com`)
    await page.getByRole('button', { name: 'Send me a reset link' }).click()
    await page.getByRole('status').filter({ hasText: 'on its way' }).waitFor()
    await visitChecks(visitor, 'password-reset')
  })

  test('a draft is seen by its maker only', async () => {
    const makerAccount = await newAccount()
    const published = await launch(makerAccount)
    const draftTitle = `Secret ${uniqueWord()}`
    const maker = await newPerson()
    const { page } = maker
    await logIn(page, makerAccount.username)
    await page.goto('/submit')
    await page.getByLabel('Name').fill(draftTitle)
    await page.getByLabel('Category').selectOption('developer-tools')
    await page.getByRole('button', { name: 'Save as draft' }).click()
    await page.waitForURL(/\/products\/\d+\//)
    await page.getByText('only you can see it').waitFor()
    const draftPath = new URL(page.url()).pathname

    // The maker finds the draft again in their list of drafts, which opens it in the editor.
    await page.getByRole('link', { name: 'All your drafts' }).click()
    await page.waitForURL(/\/me\/products\?status=draft$/)
    await page.getByRole('link', { name: draftTitle, exact: true }).waitFor()
    await visitChecks(maker, 'own-products-drafts')
    await page.getByRole('link', { name: 'Published', exact: true }).click()
    await page.getByRole('link', { name: published.title, exact: true }).waitFor()
    assert.equal(await page.getByRole('link', { name: draftTitle, exact: true }).count(), 0)
    await page.getByRole('link', { name: 'Drafts', exact: true }).click()
    await page.getByRole('link', { name: draftTitle, exact: true }).click()
    await page.waitForURL(new RegExp(`${draftPath.split('/').slice(0, 3).join('/')}/edit$`))
    await page.getByRole('button', { name: 'Save as draft' }).waitFor()

    const other = await newPerson()
    await other.page.goto(draftPath)
    await other.page.getByRole('heading', { name: 'This product is not in the window' }).waitFor()
    await visitChecks(other, 'draft-hidden', [/status of 404/])
    await other.page.goto('/search?q=Secret')
    await other.page.getByRole('heading', { name: /Results for/ }).waitFor()
    assert.equal(await other.page.getByRole('link', { name: draftTitle }).count(), 0)
  })

  test('the other pages: categories, a category, not found', async () => {
    const product = await launch(await newAccount())
    const visitor = await newPerson()
    const { page } = visitor
    await page.goto('/categories')
    await page.getByRole('link', { name: /Developer Tools/ }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Developer Tools' }).waitFor()
    await page.getByRole('link', { name: product.title }).waitFor()
    await visitChecks(visitor, 'category')
    await page.goto('/categories')
    await page.getByRole('heading', { level: 1 }).waitFor()
    await visitChecks(visitor, 'categories')
    await page.goto('/no/such/page')
    await page.getByRole('heading', { name: 'This page is not in the window' }).waitFor()
    await visitChecks(visitor, 'not-found')
  })
})
