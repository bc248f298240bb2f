import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeMe, makeProduct } from '../../test/factories'
import { currentPath, renderApp, signInAs } from '../../test/render'
import { API, server } from '../../test/server'

function serveHome(products = [makeProduct()]) {
  const today = new Date().toISOString().slice(0, 10)
  server.use(
    http.get(`${API}/products/launch-days/`, () =>
      HttpResponse.json({ days: [{ date: today, results: products, next: null }], before: null }),
    ),
  )
}

describe('upvoting from the home page', () => {
  it('counts the vote at once, before the server answers', async () => {
    signInAs(makeMe())
    serveHome()
    const pending = { release: () => undefined as void }
    server.use(
      http.post(`${API}/products/1/upvote/`, async () => {
        await new Promise<void>((resolve) => (pending.release = resolve))
        return HttpResponse.json({ upvoted: true, upvote_count: 6 })
      }),
    )
    renderApp('/')
    const button = await screen.findByRole('button', { name: /^Upvote Lamp/ })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Your account menu' })).toBeInTheDocument())

    await userEvent.click(button)

    const pressed = screen.getByRole('button', { name: /Remove your upvote from Lamp/ })
    expect(pressed).toHaveAttribute('aria-pressed', 'true')
    expect(within(pressed).getByText('6')).toBeInTheDocument()
    pending.release()
  })

  it('rolls the vote back when the server refuses it', async () => {
    signInAs(makeMe())
    serveHome()
    server.use(
      http.post(`${API}/products/1/upvote/`, async () => {
        await delay(50)
        return HttpResponse.json({ detail: 'Nope.' }, { status: 500 })
      }),
    )
    renderApp('/')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Your account menu' })).toBeInTheDocument())

    await userEvent.click(await screen.findByRole('button', { name: /^Upvote Lamp/ }))
    expect(screen.getByRole('button', { name: /Remove your upvote/ })).toBeInTheDocument()

    const restored = await screen.findByRole('button', { name: /^Upvote Lamp,\s*5\s*upvotes/ })
    expect(restored).toHaveAttribute('aria-pressed', 'false')
  })

  it('sends an anonymous visitor to log in instead', async () => {
    serveHome()
    renderApp('/?sort=top')

    await userEvent.click(await screen.findByRole('button', { name: /^Upvote Lamp/ }))

    expect(await screen.findByRole('heading', { name: 'Welcome back' })).toBeInTheDocument()
    expect(currentPath()).toBe('/login?next=%2F%3Fsort%3Dtop')
  })
})
