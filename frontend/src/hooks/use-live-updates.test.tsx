import { act, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeProduct } from '../test/factories'
import { renderApp } from '../test/render'
import { API, page, server } from '../test/server'
import type { Product } from '../types/models'
import { utcDay } from '../utils/dates'
import { POLL_INTERVAL_MS } from './use-live-updates'

/** The browser's EventSource, driven by the test: jsdom has none. */
class FakeEventSource {
  static opened: FakeEventSource[] = []
  readonly url: string
  closed = false
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>()

  constructor(url: string | URL) {
    this.url = String(url)
    FakeEventSource.opened.push(this)
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }

  close() {
    this.closed = true
  }

  /** What the server sends, as the browser hands it to the page. */
  emit(type: string, data = '{}') {
    act(() => {
      for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }))
    })
  }

  static current(path: string): FakeEventSource {
    const source = FakeEventSource.opened.filter((candidate) => candidate.url.endsWith(path) && !candidate.closed).at(-1)
    if (!source) throw new Error(`no open stream of ${path}`)
    return source
  }
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'))
  })
}

/** Today's launches in `ordering`, from `products()` at each request; no earlier day. */
function serveToday(ordering: string, products: () => Product[]) {
  const today = utcDay(new Date())
  const isToday = (request: Request) => {
    const url = new URL(request.url)
    return url.searchParams.get('date') === today && url.searchParams.get('ordering') === ordering
  }
  server.use(
    http.get(`${API}/products/launch-days/`, ({ request }) =>
      HttpResponse.json({ days: [{ date: today, results: isToday(request) ? products() : [], next: null }], before: null }),
    ),
    http.get(`${API}/products/`, ({ request }) => HttpResponse.json(page(isToday(request) ? products() : []))),
  )
}

/** Today's rows as shown, top to bottom: each one's upvote button says its title and count. */
async function todayRows() {
  const today = await screen.findByRole('region', { name: /Today/ })
  return within(today)
    .getAllByRole('article')
    .map((row) => within(row).getByRole('button', { name: /upvotes/ }).textContent)
}

const counts = (id: number, upvotes: number, comments = 0) => JSON.stringify({ id, upvote_count: upvotes, comment_count: comments })

beforeEach(() => {
  FakeEventSource.opened = []
  vi.stubGlobal('EventSource', FakeEventSource)
})

afterEach(() => {
  vi.unstubAllGlobals()
  setVisibility('visible')
})

describe("live updates of today's leaderboard", () => {
  it('shows a new count at once and re-ranks the most upvoted first', async () => {
    serveToday('top', () => [makeProduct({ id: 1, title: 'Lamp', upvote_count: 5 }), makeProduct({ id: 2, title: 'Kettle', slug: 'kettle', upvote_count: 4 })])
    renderApp('/?sort=top')
    expect(await todayRows()).toEqual(['Upvote Lamp, 5 upvotes', 'Upvote Kettle, 4 upvotes'])

    FakeEventSource.current('/api/live/leaderboard/').emit('counts', counts(2, 6, 3))

    expect(await todayRows()).toEqual(['Upvote Kettle, 6 upvotes', 'Upvote Lamp, 5 upvotes'])
    expect(screen.getByLabelText('3 comments')).toBeInTheDocument()
  })

  it("fetches today's hot order again, which the server computes", async () => {
    let votes = 4
    serveToday('hot', () => {
      const lamp = makeProduct({ id: 1, title: 'Lamp', upvote_count: 5 })
      const kettle = makeProduct({ id: 2, title: 'Kettle', slug: 'kettle', upvote_count: votes })
      return votes > 5 ? [kettle, lamp] : [lamp, kettle]
    })
    renderApp('/')
    expect(await todayRows()).toEqual(['Upvote Lamp, 5 upvotes', 'Upvote Kettle, 4 upvotes'])

    votes = 9
    FakeEventSource.current('/api/live/leaderboard/').emit('counts', counts(2, 9))

    await waitFor(async () => expect(await todayRows()).toEqual(['Upvote Kettle, 9 upvotes', 'Upvote Lamp, 5 upvotes']))
  })

  it('ignores an event that is not counts, and leaves the reader\'s own upvote alone', async () => {
    serveToday('top', () => [makeProduct({ id: 1, title: 'Lamp', upvote_count: 5, has_upvoted: true })])
    renderApp('/?sort=top')
    expect(await todayRows()).toEqual(['Remove your upvote from Lamp, 5 upvotes'])
    const stream = FakeEventSource.current('/api/live/leaderboard/')

    stream.emit('counts', '{"id": 1, "upvote_count": "many"}')
    stream.emit('counts', 'not json')
    stream.emit('counts', counts(1, 7))

    expect(await todayRows()).toEqual(['Remove your upvote from Lamp, 7 upvotes'])
    expect(screen.getByRole('button', { name: /Remove your upvote from Lamp/ })).toHaveAttribute('aria-pressed', 'true')
  })

  it('closes the stream while the page is hidden and catches up when it is shown again', async () => {
    let votes = 5
    serveToday('top', () => [makeProduct({ id: 1, title: 'Lamp', upvote_count: votes })])
    renderApp('/?sort=top')
    expect(await todayRows()).toEqual(['Upvote Lamp, 5 upvotes'])
    const first = FakeEventSource.current('/api/live/leaderboard/')
    first.emit('open')

    setVisibility('hidden')
    expect(first.closed).toBe(true)
    votes = 8
    setVisibility('visible')
    FakeEventSource.current('/api/live/leaderboard/').emit('open')

    await waitFor(async () => expect(await todayRows()).toEqual(['Upvote Lamp, 8 upvotes']))
  })

  it('polls the leaderboard instead where the browser has no EventSource', async () => {
    vi.stubGlobal('EventSource', undefined)
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      let asked = 0
      serveToday('top', () => {
        asked += 1
        return [makeProduct({ id: 1, title: 'Lamp', upvote_count: 4 + asked })]
      })
      renderApp('/?sort=top')
      expect(await todayRows()).toEqual(['Upvote Lamp, 5 upvotes'])

      await act(async () => {
        await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS)
      })

      await waitFor(async () => expect(await todayRows()).toEqual(['Upvote Lamp, 6 upvotes']))
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('live updates of a product page', () => {
  it("shows the product's new count", async () => {
    const product = makeProduct({ id: 4, upvote_count: 5 })
    server.use(
      http.get(`${API}/products/4/`, () => HttpResponse.json(product)),
      http.get(`${API}/products/4/comments/`, () => HttpResponse.json(page([]))),
      http.get(`${API}/products/`, () => HttpResponse.json(page([]))),
    )
    renderApp('/products/4/lamp')
    await screen.findByRole('heading', { level: 1, name: 'Lamp' })

    FakeEventSource.current('/api/live/products/4/').emit('counts', counts(4, 12))

    await waitFor(() => expect(screen.getByRole('button', { name: /Upvote Lamp/ })).toHaveTextContent('Upvote Lamp, 12 upvotes'))
  })
})
