import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeProduct } from '../../../test/factories'
import { renderApp } from '../../../test/render'
import { API, server } from '../../../test/server'
import { addDays, utcDay } from '../../../utils/dates'

describe('the home page', () => {
  it("shows today's leaderboard, then earlier days that had launches, one request per day", async () => {
    const today = utcDay(new Date())
    const older = addDays(today, -2)
    const seen: string[] = []
    server.use(
      http.get(`${API}/products/launch-days/`, ({ request }) => {
        const url = new URL(request.url)
        seen.push(`${url.searchParams.get('date')}:${url.searchParams.get('ordering')}:${url.searchParams.get('days')}`)
        if (url.searchParams.get('date') === today) {
          const products = [makeProduct({ id: 1, title: 'Lamp', comment_count: 4 }), makeProduct({ id: 2, title: 'Kettle', slug: 'kettle' })]
          return HttpResponse.json({ days: [{ date: today, results: products, next: null }], before: older })
        }
        // The server skips the quiet day in between: the next request asks for the day it named.
        const oldest = [makeProduct({ id: 3, title: 'Older', slug: 'older' })]
        return HttpResponse.json({ days: [{ date: older, results: oldest, next: null }], before: null })
      }),
    )

    renderApp('/?sort=new')

    const todaySection = await screen.findByRole('region', { name: /Today/ })
    const rows = within(todaySection).getAllByRole('article')
    expect(rows.map((row) => within(row).getByRole('heading').textContent)).toEqual(['Lamp', 'Kettle'])
    expect(within(rows[0]!).getByLabelText('4 comments')).toBeInTheDocument()
    expect(within(rows[0]!).getByLabelText('Rank 1')).toBeInTheDocument()
    expect(within(rows[0]!).getByRole('link', { name: 'Productivity' })).toHaveAttribute('href', '/categories/productivity')

    await screen.findByRole('button', { name: 'Show earlier days' })
    screen.getByRole('button', { name: 'Show earlier days' }).click()
    expect(await screen.findByRole('heading', { name: 'Older' })).toBeInTheDocument()
    expect(seen).toEqual([`${today}:new:1`, `${older}:new:1`])
    expect(screen.getByText(/You have reached the first launches/)).toBeInTheDocument()
  })

  it('offers to retry when the launches do not load', async () => {
    server.use(http.get(`${API}/products/launch-days/`, () => HttpResponse.json({ detail: 'Down.' }, { status: 503 })))

    renderApp('/')

    expect(await screen.findByRole('alert')).toHaveTextContent('Down.')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })
})
