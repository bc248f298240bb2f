import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { setAccessToken } from '../services/api'
import { server } from './server'

// The first render of a test file also compiles its modules: give it time on a slow machine.
configure({ asyncUtilTimeout: 5000 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  setAccessToken(null)
  window.localStorage.clear()
})
afterAll(() => server.close())

// jsdom has no IntersectionObserver; "load more" buttons stay usable without it.
window.scrollTo = () => undefined
