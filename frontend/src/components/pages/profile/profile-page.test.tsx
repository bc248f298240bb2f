import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeMe, makeProduct, makeUser } from '../../../test/factories'
import { renderApp, signInAs } from '../../../test/render'
import { API, page, server } from '../../../test/server'

function serveProfile() {
  server.use(
    http.get(`${API}/users/ada/`, () => HttpResponse.json(makeUser({ followers_count: 10, is_following: false }))),
    http.get(`${API}/products/`, ({ request }) =>
      HttpResponse.json(page(new URL(request.url).searchParams.get('author') === 'ada' ? [makeProduct({ title: 'Engine' })] : [])),
    ),
  )
}

describe('a profile', () => {
  it("lists the person's launches and follows them at once", async () => {
    signInAs(makeMe())
    serveProfile()
    let release = () => undefined as void
    server.use(
      http.post(`${API}/users/ada/follow/`, async () => {
        await new Promise<void>((resolve) => (release = resolve))
        return HttpResponse.json({ following: true, followers_count: 11 })
      }),
    )
    renderApp('/users/ada')

    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Engine' })).toBeInTheDocument()
    const follow = await screen.findByRole('button', { name: 'Follow ada' })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Your account menu' })).toBeInTheDocument())

    await userEvent.click(follow)

    expect(screen.getByRole('button', { name: 'Following ada' })).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('link', { name: '11 followers' })).toBeInTheDocument()
    release()
  })

  it('rolls a follow back when it fails', async () => {
    signInAs(makeMe())
    serveProfile()
    server.use(http.post(`${API}/users/ada/follow/`, () => HttpResponse.json({ detail: 'No.' }, { status: 500 })))
    renderApp('/users/ada')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Your account menu' })).toBeInTheDocument())

    await userEvent.click(await screen.findByRole('button', { name: 'Follow ada' }))

    expect(await screen.findByRole('button', { name: 'Follow ada' })).toHaveAttribute('aria-pressed', 'false')
    expect(screen.getByRole('link', { name: '10 followers' })).toBeInTheDocument()
  })

  it('shows followers in their own tab', async () => {
    serveProfile()
    server.use(http.get(`${API}/users/ada/followers/`, () => HttpResponse.json(page([makeUser({ id: 5, username: 'lena', first_name: 'Lena', last_name: 'Fischer' })]))))
    renderApp('/users/ada/followers')
    const list = await screen.findByRole('link', { name: 'Lena Fischer' })
    expect(list).toHaveAttribute('href', '/users/lena')
    expect(within(screen.getByRole('navigation', { name: 'Profile sections' })).getByRole('link', { name: /Followers/ })).toHaveAttribute('aria-current', 'page')
  })

  it('shows a tab that fails to load as failed alone, and loads it again on request', async () => {
    serveProfile()
    let failing = true
    server.use(
      http.get(`${API}/users/ada/followers/`, () =>
        failing ? HttpResponse.json({ detail: 'The server is busy.' }, { status: 503 }) : HttpResponse.json(page([makeUser({ id: 5, username: 'lena', first_name: 'Lena', last_name: 'Fischer' })])),
      ),
    )
    renderApp('/users/ada/followers')

    expect(await screen.findByRole('alert')).toHaveTextContent('The server is busy.')
    expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument()
    failing = false
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))

    expect(await screen.findByRole('link', { name: 'Lena Fischer' })).toHaveAttribute('href', '/users/lena')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
