// @ts-check
/**
 * `npm run e2e`: the browser tests (e2e/*.test.mjs) with node's test runner. Without Chromium
 * they are skipped with a message, unless VITRIN_REQUIRE_BROWSER=1 (CI), where that fails.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(chromium)) {
  if (process.env.VITRIN_REQUIRE_BROWSER === '1') {
    console.error(`Browser tests required (VITRIN_REQUIRE_BROWSER=1) but Chromium is not at ${chromium}: apt-get install chromium.`)
    process.exit(1)
  }
  console.log(`Browser tests skipped: Chromium is not installed at ${chromium} (apt-get install chromium to run them).`)
  process.exit(0)
}

const files = readdirSync(join(frontend, 'e2e'))
  .filter((name) => name.endsWith('.test.mjs'))
  .map((name) => join('e2e', name))
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
  cwd: frontend,
  stdio: 'inherit',
})
process.exit(result.status ?? 1)
