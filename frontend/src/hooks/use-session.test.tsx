import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { currentAccessToken } from '../services/api'
import { authKeys } from '../services/auth/keys'
import { productKeys } from '../services/products/keys'
import type { Product } from '../types/models'
import { makeMe, makeProduct } from '../test/factories'
import { currentPath, renderApp, signInAs } from '../test/render'
import { API, page, server } from '../test/server'

function header() {
  return within(screen.getByRole('navigation', { name: 'Main' }))
}

describe('the session (the authKeys.me() query)', () => {
  it('shows the person in the header as soon as they log in, without asking /auth/me/ again', async () => {
    const me = makeMe()
    let meRequests = 0
    server.use(
      http.get(`${API}/auth/me/`, () => {
        meRequests += 1
        return HttpResponse.json(me)
      }),
      http.post(`${API}/auth/login/`, () => HttpResponse.json({ user: me, access: 'access-1', refresh: 'never-kept' })),
      http.get(`${API}/categories/:slug/`, () => HttpResponse.json({ detail: 'Not found.' }, { status: 404 })),
    )
    const { queryClient } = renderApp('/login')
    expect(await header().findByRole('link', { name: 'Log in' })).toBeInTheDocument()

    await userEvent.type(await screen.findByLabelText('Email or username'), 'grace')
    await userEvent.type(screen.getByLabelText('Password'), 'a-good-password')
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }))

    expect(await header().findByRole('button', { name: 'Your account menu' })).toBeInTheDocument()
    expect(header().queryByRole('link', { name: 'Log in' })).not.toBeInTheDocument()
    expect(queryClient.getQueryData(authKeys.me())).toEqual(me)
    expect(meRequests).toBe(0)
    expect(currentAccessToken()).toBe('access-1')
    expect(window.localStorage.getItem('vitrin:signed-in')).toBe('1')
  })

  it('signs the person out with a notice when the refresh is refused, and forgets what was theirs', async () => {
    signInAs(makeMe())
    server.use(
      // The person's own view of the product (their upvote) differs from an anonymous one.
      http.get(`${API}/products/1/`, ({ request }) =>
        HttpResponse.json(makeProduct({ has_upvoted: request.headers.get('Authorization') !== null, upvote_count: 6 })),
      ),
      http.get(`${API}/products/`, () => HttpResponse.json(page([]))),
      http.get(`${API}/products/1/comments/`, () => HttpResponse.json(page([]))),
    )
    const { queryClient } = renderApp('/products/1/lamp')
    const unvote = await screen.findByRole('button', { name: /^Remove your upvote from Lamp/ })
    expect(header().getByRole('button', { name: 'Your account menu' })).toBeInTheDocument()
    // The access token has run out, and so has the refresh cookie.
    server.use(
      http.delete(`${API}/products/1/upvote/`, () => HttpResponse.json({ detail: 'Token expired.' }, { status: 401 })),
      http.post(`${API}/auth/refresh/`, () => HttpResponse.json({ detail: 'Token is blacklisted.' }, { status: 401 })),
    )

    await userEvent.click(unvote)

    const notice = await screen.findByText('Your session has expired. Log in again to continue where you were.')
    expect(notice).toHaveAttribute('role', 'status')
    expect(screen.getByRole('heading', { name: 'Welcome back' })).toBeInTheDocument()
    expect(currentPath()).toBe('/login?next=%2Fproducts%2F1%2Flamp')
    expect(header().getByRole('link', { name: 'Log in' })).toBeInTheDocument()
    expect(header().queryByRole('button', { name: 'Your account menu' })).not.toBeInTheDocument()
    expect(queryClient.getQueryData(authKeys.me())).toBeNull()
    // The failed un-upvote's rollback did not bring the person's copy of the product back.
    await waitFor(() => expect(queryClient.isMutating()).toBe(0))
    const cached = queryClient.getQueryData<Product>(productKeys.detail(1))
    expect(cached?.has_upvoted ?? false).toBe(false)
    expect(currentAccessToken()).toBeNull()
    expect(window.localStorage.getItem('vitrin:signed-in')).toBeNull()
  })

  it("restores a returning person's session before the first page's data is fetched", async () => {
    signInAs(makeMe())
    const authorizations: (string | null)[] = []
    server.use(
      http.get(`${API}/products/1/`, ({ request }) => {
        authorizations.push(request.headers.get('Authorization'))
        return HttpResponse.json(makeProduct())
      }),
      http.get(`${API}/products/`, () => HttpResponse.json(page([]))),
      http.get(`${API}/products/1/comments/`, () => HttpResponse.json(page([]))),
    )
    renderApp('/products/1/lamp')

    expect(await header().findByRole('button', { name: 'Your account menu' })).toBeInTheDocument()
    await screen.findByRole('heading', { name: 'Lamp', level: 1 })
    expect(authorizations).toEqual(['Bearer access-1'])
  })

  it('spares an anonymous visitor the refresh round trip', async () => {
    let refreshes = 0
    server.use(
      http.post(`${API}/auth/refresh/`, () => {
        refreshes += 1
        return HttpResponse.json({ detail: 'No session.' }, { status: 401 })
      }),
    )
    const { queryClient } = renderApp('/categories')

    expect(await header().findByRole('link', { name: 'Log in' })).toBeInTheDocument()
    expect(queryClient.getQueryData(authKeys.me())).toBeNull()
    expect(refreshes).toBe(0)
  })

  it('forgets a hint whose refresh cookie is gone, so the next visit does not ask again', async () => {
    window.localStorage.setItem('vitrin:signed-in', '1')
    renderApp('/categories')

    expect(await header().findByRole('link', { name: 'Log in' })).toBeInTheDocument()
    await waitFor(() => expect(window.localStorage.getItem('vitrin:signed-in')).toBeNull())
  })
})
