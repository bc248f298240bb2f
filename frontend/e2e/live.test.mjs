// @ts-check
/**
 * Live updates in Debian's Chromium against the real backend, served as `make run` serves it
 * (one uvicorn process, events kept in the process): two people have the home page open; one
 * upvotes, the other sees the new count and the new order without reloading, within a second.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { callApi, startBackend } from './backend.mjs'
import { launchBrowser, openPerson } from './browser.mjs'

const PASSWORD = 'window-shopping-42'
const run = Date.now().toString(36).replace(/[0-9]/g, (digit) => 'abcdefghij'[Number(digit)] ?? 'x')
/** How long the other page may take to show a vote: the requirement. */
const LIVE_DEADLINE_MS = 1000

/** @type {Awaited<ReturnType<typeof startBackend>>} */
let backend
/** @type {import('playwright-core').Browser} */
let browser

/** @param {string} name @returns {Promise<{ username: string, access: string }>} */
async function newAccount(name) {
  const username = `live_${run}_${name}`
  const answer = await callApi(backend.url, 'POST', '/api/auth/register/', {
    body: { username, email: `${username}@example.com`, password: PASSWORD },
  })
  return { username, access: answer.access }
}

/**
 * Today's launches as the page shows them, top to bottom: each title with its count.
 * @param {import('playwright-core').Page} page
 */
function todayRows(page) {
  return page.evaluate(() => {
    const today = document.querySelector('section[aria-labelledby^="day-"]')
    return [...(today?.querySelectorAll('article') ?? [])].map(
      (row) => `${row.querySelector('h3')?.textContent} ${row.querySelector('button .tabular-nums')?.textContent}`,
    )
  })
}

describe('live updates', () => {
  before(async () => {
    backend = await startBackend()
    browser = await launchBrowser()
  })

  after(async () => {
    await browser?.close()
    await backend?.stop()
  })

  test("an upvote shows on another person's home page within a second, re-ranked", async () => {
    // Two launches of today with 9 votes each: the newer ranks higher ("hot" decays votes by
    // age) until the older gets a tenth vote, worth far more than the seconds between them.
    const maker = await newAccount('maker')
    /** @param {string} title */
    const launch = (title) =>
      callApi(backend.url, 'POST', '/api/products/', {
        token: maker.access,
        body: { title, tagline: 'Live on the leaderboard', category: 'developer-tools', status: 'published' },
      })
    const older = await launch(`Older ${run}`)
    const newer = await launch(`Newer ${run}`)
    for (let index = 0; index < 9; index += 1) {
      const voter = await newAccount(`voter${index}`)
      for (const product of [older, newer]) await callApi(backend.url, 'POST', `/api/products/${product.id}/upvote/`, { token: voter.access })
    }
    await newAccount('upvoter')

    const watcher = await openPerson(browser, backend.url)
    const upvoter = await openPerson(browser, backend.url)
    await upvoter.page.goto('/login')
    await upvoter.page.getByLabel('Email or username').fill(`live_${run}_upvoter`)
    await upvoter.page.getByLabel('Password').fill(PASSWORD)
    await upvoter.page.getByRole('button', { name: 'Log in' }).click()
    await upvoter.page.getByRole('button', { name: 'Your account menu' }).waitFor()
    await upvoter.page.goto('/')
    await watcher.page.goto('/')
    const streamOpened = watcher.page.waitForResponse((response) => response.url().endsWith('/api/live/leaderboard/'))
    await watcher.page.getByRole('heading', { name: newer.title }).waitFor()
    await streamOpened
    const before = (await todayRows(watcher.page)).filter((row) => row.includes(run))
    assert.deepEqual(before, [`${newer.title} 9`, `${older.title} 9`])

    await upvoter.page.getByRole('button', { name: `Upvote ${older.title},` }).click()
    const clicked = Date.now()
    await watcher.page.waitForFunction(
      ([olderTitle, newerTitle]) => {
        const rows = [...(document.querySelector('section[aria-labelledby^="day-"]')?.querySelectorAll('article') ?? [])]
        const shown = rows.map((row) => `${row.querySelector('h3')?.textContent} ${row.querySelector('button .tabular-nums')?.textContent}`)
        return shown.filter((row) => row.startsWith(olderTitle) || row.startsWith(newerTitle)).join('|') === `${olderTitle} 10|${newerTitle} 9`
      },
      [older.title, newer.title],
      { timeout: LIVE_DEADLINE_MS, polling: 'raf' },
    )
    const elapsed = Date.now() - clicked
    console.log(`The other page showed the vote and the new order ${elapsed} ms after the click.`)
    assert.deepEqual(watcher.consoleErrors, [])
    await watcher.context.close()
    await upvoter.context.close()
  })
})
