// @ts-check
/**
 * Cross-site sign-in (login CSRF) in a real browser: a page on another origin auto-submits an
 * HTML form with the attacker's credentials to Vitrin's login endpoint. Vitrin's tab must stay
 * signed out — no refresh cookie, no session to refresh, the "Log in" link in the header —
 * otherwise the visitor would go on as the attacker (whatever they save, the attacker reads).
 */
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { after, before, describe, test } from 'node:test'
import { startBackend } from './backend.mjs'
import { launchBrowser, openPerson } from './browser.mjs'

const REFRESH_COOKIE = 'vitrin_refresh'
/** The web app restores a session from the cookie when an earlier visit left this hint. */
const SESSION_HINT = 'vitrin:signed-in'
const run = Date.now().toString(36)
const attacker = { username: `attacker_${run}`, email: `attacker_${run}@example.com`, password: 'mallory-was-here-42' }

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * The attacker's pages, each a form that submits itself to `loginUrl` on load.
 * @param {string} loginUrl
 * @returns {Record<string, string>}
 */
function attackPages(loginUrl) {
  const autoSubmit = (/** @type {string} */ attributes, /** @type {string} */ fields) =>
    `<!doctype html><title>Win a prize</title><form method="post" action="${escapeHtml(loginUrl)}" ${attributes}>${fields}</form>` +
    '<script>document.forms[0].submit()</script>'
  // text/plain sends `name=value`: a name ending in `"x":"` and a value of `"}` make the body JSON.
  const jsonName = `{"username":"${attacker.username}","password":"${attacker.password}","x":"`
  return {
    '/form-urlencoded': autoSubmit(
      'enctype="application/x-www-form-urlencoded"',
      `<input name="username" value="${escapeHtml(attacker.username)}"><input name="password" value="${escapeHtml(attacker.password)}">`,
    ),
    '/text-plain': autoSubmit('enctype="text/plain"', `<input name="${escapeHtml(jsonName)}" value='"}'>`),
  }
}

/**
 * A tiny web server for the attacker's pages on a free loopback port.
 * @param {Record<string, string>} pages
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
function serveAttackPages(pages) {
  const server = createServer((request, response) => {
    const page = pages[request.url ?? '']
    response.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(page ?? 'not found')
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      resolve({ port, close: () => new Promise((done) => server.close(() => done(undefined))) })
    })
  })
}

describe('a page on another site cannot sign the visitor in', { concurrency: 1 }, () => {
  /** @type {Awaited<ReturnType<typeof startBackend>>} */
  let backend
  /** @type {import('playwright-core').Browser} */
  let browser
  /** @type {Awaited<ReturnType<typeof serveAttackPages>>} */
  let attackServer

  before(async () => {
    backend = await startBackend()
    browser = await launchBrowser()
    attackServer = await serveAttackPages(attackPages(`${backend.url}/api/auth/login/`))
    // The attacker's own account, made the way any API client would (no Origin: not a browser).
    const registered = await fetch(`${backend.url}/api/auth/register/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(attacker),
    })
    assert.equal(registered.status, 201, await registered.text())
  })

  after(async () => {
    await attackServer?.close()
    await browser?.close()
    await backend?.stop()
  })

  // `localhost` is another site than `127.0.0.1`; `127.0.0.1` on another port is the same site
  // (the browser then sends the SameSite=Strict cookie) but another origin.
  const origins = [
    ['another site', (/** @type {number} */ port) => `http://localhost:${port}`],
    ['another port of the same site', (/** @type {number} */ port) => `http://127.0.0.1:${port}`],
  ]
  for (const [where, originOf] of /** @type {[string, (port: number) => string][]} */ (origins)) {
    for (const variant of ['/form-urlencoded', '/text-plain']) {
      test(`a ${variant.slice(1)} form on ${where} posting the attacker's credentials`, async () => {
        const victim = await openPerson(browser, backend.url)
        const { page, context } = victim
        try {
          await page.goto('/')
          await page.getByRole('link', { name: 'Log in' }).waitFor()
          // As after an earlier visit: the web app will look for a session in the cookie.
          await page.evaluate((hint) => window.localStorage.setItem(hint, '1'), SESSION_HINT)

          const loginAnswer = page.waitForResponse((response) => response.url().endsWith('/api/auth/login/'))
          await page.goto(`${originOf(attackServer.port)}${variant}`)
          const loginStatus = (await loginAnswer).status()
          await page.waitForLoadState('load')

          const cookies = await context.cookies(`${backend.url}/api/auth/refresh/`)
          assert.deepEqual(
            cookies.filter((cookie) => cookie.name === REFRESH_COOKIE).map((cookie) => cookie.name),
            [],
            'the browser got a refresh cookie from the cross-site form',
          )

          await page.goto('/')
          await page.waitForLoadState('networkidle')
          await page.getByRole('link', { name: 'Log in' }).waitFor({ timeout: 10_000 })
          assert.equal(await page.getByRole('button', { name: 'Your account menu' }).count(), 0)
          const refreshStatus = await page.evaluate(async () => {
            const response = await fetch('/api/auth/refresh/', {
              method: 'POST',
              headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
              body: '{}',
              credentials: 'same-origin',
            })
            return response.status
          })
          assert.ok([400, 401].includes(refreshStatus), `a refresh from the Vitrin tab answered ${refreshStatus}`)
          assert.ok([403, 415].includes(loginStatus), `the cross-site login answered ${loginStatus}`)
        } finally {
          await context.close()
        }
      })
    }
  }

  test('signing in on Vitrin itself still sets the cookie (the checks above can see one)', async () => {
    const { page, context } = await openPerson(browser, backend.url)
    try {
      await page.goto('/login')
      await page.getByLabel('Email or username').fill(attacker.username)
      await page.getByLabel('Password').fill(attacker.password)
      await page.getByRole('button', { name: 'Log in' }).click()
      await page.getByRole('button', { name: 'Your account menu' }).waitFor()

      const cookies = await context.cookies(`${backend.url}/api/auth/refresh/`)
      assert.deepEqual(
        cookies.filter((cookie) => cookie.name === REFRESH_COOKIE).map((cookie) => [cookie.httpOnly, cookie.sameSite]),
        [[true, 'Strict']],
      )
    } finally {
      await context.close()
    }
  })
})
