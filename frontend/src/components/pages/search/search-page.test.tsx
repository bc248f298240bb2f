import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeProduct } from '../../../test/factories'
import { currentPath, renderApp } from '../../../test/render'
import { API, page, server } from '../../../test/server'

describe('search', () => {
  it('searches as you type, keeps the query in the URL and marks the matched words', async () => {
    const queries: string[] = []
    server.use(
      http.get(`${API}/search/products/`, ({ request }) => {
        const url = new URL(request.url)
        queries.push(url.search)
        return HttpResponse.json(
          page([
            {
              ...makeProduct({ title: 'Desk lamp', tagline: 'A lamp for desks' }),
              highlight: { title: [{ text: 'Desk ', match: false }, { text: 'lamp', match: true }], snippet: [] },
            },
          ]),
        )
      }),
    )
    renderApp('/search')

    const [box] = await screen.findAllByRole('searchbox', { name: 'Search products' })
    await userEvent.type(box!, 'lamp')

    await waitFor(() => expect(currentPath()).toBe('/search?q=lamp'))
    const marks = await screen.findAllByText('lamp', { selector: 'mark' })
    expect(marks.length).toBeGreaterThanOrEqual(2)
    expect(queries).toEqual(['?q=lamp'])
  })

  it('reads category and order from the URL, and helps when nothing matches', async () => {
    let search = ''
    server.use(
      http.get(`${API}/search/products/`, ({ request }) => {
        search = new URL(request.url).search
        return HttpResponse.json(page([]))
      }),
    )
    renderApp('/search?q=zebra&category=productivity&sort=top')

    expect(await screen.findByText('Nothing matches “zebra” in this category')).toBeInTheDocument()
    expect(search).toBe('?q=zebra&category=productivity&ordering=top')
    await userEvent.click(screen.getByRole('link', { name: 'Search every category' }))
    await waitFor(() => expect(currentPath()).toBe('/search?q=zebra&sort=top'))
  })
})
