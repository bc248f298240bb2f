import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Product } from '../../../types/models'
import { makeMe, makeProduct, makeUser } from '../../../test/factories'
import { currentPath, renderApp, signInAs } from '../../../test/render'
import { API, page, server } from '../../../test/server'

const me = makeMe()
const author = makeUser({ id: me.id, username: me.username, first_name: me.first_name, last_name: me.last_name })

const MINE: Product[] = [
  makeProduct({ id: 3, slug: 'half-done', title: 'Half done', tagline: '', status: 'draft', author, published_at: null }),
  makeProduct({ id: 2, slug: 'lamp', title: 'Lamp', status: 'published', author, upvote_count: 12, comment_count: 1 }),
  makeProduct({ id: 1, slug: 'old-lamp', title: 'Old lamp', status: 'archived', author }),
]

/** Serves GET /api/auth/me/products/ from `products`, honouring `?status=`, and records each query. */
function serveOwnProducts(products: Product[] = MINE) {
  const queries: string[] = []
  server.use(
    http.get(`${API}/auth/me/products/`, ({ request }) => {
      const status = new URL(request.url).searchParams.get('status')
      queries.push(status ?? 'all')
      return HttpResponse.json(page(products.filter((product) => status === null || product.status === status)))
    }),
  )
  return queries
}

describe('your products', () => {
  it('is in the account menu and lists every status, a draft opening in the editor', async () => {
    signInAs(me)
    serveOwnProducts()
    server.use(http.get(`${API}/products/`, () => HttpResponse.json(page([]))))
    renderApp('/')

    await userEvent.click(await screen.findByRole('button', { name: 'Your account menu' }))
    await userEvent.click(screen.getByRole('link', { name: 'Your products' }))

    await waitFor(() => expect(currentPath()).toBe('/me/products'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Your products' })).toBeInTheDocument()
    const rows = await screen.findAllByRole('article')
    expect(rows.map((row) => within(row).getByRole('heading').textContent)).toEqual(['Half done', 'Lamp', 'Old lamp'])
    expect(within(rows[0]!).getByText('Draft')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Half done' })).toHaveAttribute('href', '/products/3/edit')
    expect(screen.getByRole('link', { name: 'Preview Half done' })).toHaveAttribute('href', '/products/3/half-done')
    expect(screen.getByRole('link', { name: 'Lamp' })).toHaveAttribute('href', '/products/2/lamp')
    expect(screen.getByRole('link', { name: 'Edit Lamp' })).toHaveAttribute('href', '/products/2/edit')
    expect(within(rows[1]!).getByText('12 upvotes · 1 comment')).toBeInTheDocument()
    expect(within(rows[2]!).getByText('Archived')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'All' })).toHaveAttribute('aria-current', 'page')
  })

  it('filters by status with the tabs, in the address too', async () => {
    signInAs(me)
    const queries = serveOwnProducts()
    renderApp('/me/products')
    await screen.findByRole('link', { name: 'Old lamp' })

    await userEvent.click(screen.getByRole('link', { name: 'Drafts' }))

    await waitFor(() => expect(screen.queryByRole('link', { name: 'Lamp' })).not.toBeInTheDocument())
    expect(screen.getByRole('link', { name: 'Half done' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Drafts' })).toHaveAttribute('aria-current', 'page')
    expect(currentPath()).toBe('/me/products?status=draft')

    await userEvent.click(screen.getByRole('link', { name: 'Archived' }))

    expect(await screen.findByRole('link', { name: 'Old lamp' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Half done' })).not.toBeInTheDocument()
    expect(queries).toEqual(['all', 'draft', 'archived'])
  })

  it('says there are no drafts and where to start one', async () => {
    signInAs(me)
    serveOwnProducts(MINE.filter((product) => product.status !== 'draft'))
    renderApp('/me/products?status=draft')

    expect(await screen.findByText('No drafts — start one')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Start a draft' })).toHaveAttribute('href', '/submit')
  })

  it('shows a skeleton while loading, then the list', async () => {
    signInAs(me)
    let release = () => undefined as void
    server.use(
      http.get(`${API}/auth/me/products/`, async () => {
        await new Promise<void>((resolve) => (release = resolve))
        return HttpResponse.json(page(MINE))
      }),
    )
    renderApp('/me/products')

    expect(await screen.findByRole('status', { name: 'Loading your products' })).toBeInTheDocument()
    release()
    expect(await screen.findByRole('link', { name: 'Half done' })).toBeInTheDocument()
    expect(screen.queryByRole('status', { name: 'Loading your products' })).not.toBeInTheDocument()
  })

  it('offers to try again when the list does not load', async () => {
    signInAs(me)
    let fail = true
    server.use(
      http.get(`${API}/auth/me/products/`, () =>
        fail ? HttpResponse.json({ detail: 'The database is resting.' }, { status: 503 }) : HttpResponse.json(page(MINE)),
      ),
    )
    renderApp('/me/products')

    expect(await screen.findByRole('alert')).toHaveTextContent('The database is resting.')
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))

    expect(await screen.findByRole('link', { name: 'Half done' })).toBeInTheDocument()
  })

  it('loads the next page on demand', async () => {
    signInAs(me)
    server.use(
      http.get(`${API}/auth/me/products/`, ({ request }) =>
        new URL(request.url).searchParams.get('cursor') === 'two'
          ? HttpResponse.json(page([MINE[2]!]))
          : HttpResponse.json(page(MINE.slice(0, 2), `${API}/auth/me/products/?cursor=two`)),
      ),
    )
    renderApp('/me/products')
    await screen.findByRole('link', { name: 'Lamp' })
    expect(screen.queryByRole('link', { name: 'Old lamp' })).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }))

    expect(await screen.findByRole('link', { name: 'Old lamp' })).toBeInTheDocument()
  })

  it('sends anybody signed out to log in first', async () => {
    renderApp('/me/products?status=draft')

    await waitFor(() => expect(currentPath()).toBe(`/login?next=${encodeURIComponent('/me/products?status=draft')}`))
  })

  it('is linked from your own profile', async () => {
    signInAs(me)
    server.use(
      http.get(`${API}/users/me/`, () => HttpResponse.json(author)),
      http.get(`${API}/products/`, () => HttpResponse.json(page([]))),
    )
    renderApp('/users/me')

    expect(await screen.findByRole('link', { name: 'Your products' })).toHaveAttribute('href', '/me/products')
  })
})
