import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeMe } from '../../../test/factories'
import { currentPath, renderApp, signInAs } from '../../../test/render'
import { API, server } from '../../../test/server'

const INVALID_LINK = 'This verification link is invalid, expired or has already been used. Sign in and ask for a new one if your address is not verified yet.'

describe('the banner asking to verify the e-mail address', () => {
  it('asks a signed-in person whose address is not verified, and sends a new link', async () => {
    let resent = 0
    server.use(
      http.post(`${API}/auth/email/verify/resend/`, () => {
        resent += 1
        return new HttpResponse(null, { status: 204 })
      }),
    )
    signInAs(makeMe({ email: 'grace@example.com', email_verified: false }))
    renderApp('/categories')

    const banner = await screen.findByRole('region', { name: 'Verify your e-mail address' })
    expect(banner).toHaveTextContent('We sent a link to grace@example.com. Open it to confirm the address is yours.')
    await userEvent.click(within(banner).getByRole('button', { name: 'Resend the link' }))

    expect(await within(banner).findByRole('status')).toHaveTextContent('A new link is on its way. It can take a minute to arrive.')
    expect(resent).toBe(1)
  })

  it('says how long to wait when too many links were asked for', async () => {
    server.use(
      http.post(`${API}/auth/email/verify/resend/`, () =>
        HttpResponse.json({ detail: 'Too many requests. Try again in 3542 seconds.' }, { status: 429, headers: { 'Retry-After': '3542' } }),
      ),
    )
    signInAs(makeMe({ email_verified: false }))
    renderApp('/categories')

    const banner = await screen.findByRole('region', { name: 'Verify your e-mail address' })
    await userEvent.click(within(banner).getByRole('button', { name: 'Resend the link' }))

    expect(await within(banner).findByRole('alert')).toHaveTextContent('Too many requests. Try again in 3542 seconds.')
    expect(within(banner).queryByRole('status')).not.toBeInTheDocument()
  })

  it('is not shown once the address is verified', async () => {
    signInAs(makeMe({ email_verified: true }))
    renderApp('/categories')

    expect(await screen.findByRole('button', { name: 'Your account menu' })).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Verify your e-mail address' })).not.toBeInTheDocument()
  })

  it('is not shown to anonymous visitors', async () => {
    renderApp('/categories')

    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Verify your e-mail address' })).not.toBeInTheDocument()
  })
})

describe('the page of the e-mailed verification link', () => {
  it('sends the uid and token of the fragment once and says the address is verified', async () => {
    const bodies: unknown[] = []
    server.use(
      http.post(`${API}/auth/email/verify/`, async ({ request }) => {
        bodies.push(await request.json())
        return new HttpResponse(null, { status: 204 })
      }),
    )
    renderApp('/verify-email#uid=MQ&token=cx7k2a-0b1c2d3e4f')

    expect(await screen.findByRole('heading', { name: 'Your e-mail address is verified' })).toBeInTheDocument()
    expect(bodies).toEqual([{ uid: 'MQ', token: 'cx7k2a-0b1c2d3e4f' }])
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login')
    expect(currentPath()).toBe('/verify-email')
  })

  it('refreshes the signed-in account, so the banner goes away', async () => {
    let verified = false
    signInAs(makeMe({ email_verified: false }))
    server.use(
      http.get(`${API}/auth/me/`, () => HttpResponse.json(makeMe({ email_verified: verified }))),
      http.post(`${API}/auth/email/verify/`, () => {
        verified = true
        return new HttpResponse(null, { status: 204 })
      }),
    )
    renderApp('/verify-email#uid=MQ&token=cx7k2a-0b1c2d3e4f')

    expect(await screen.findByRole('heading', { name: 'Your e-mail address is verified' })).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Verify your e-mail address' })).not.toBeInTheDocument())
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toBeInTheDocument()
  })

  it("shows the server's words when the link is used, expired or wrong", async () => {
    server.use(http.post(`${API}/auth/email/verify/`, () => HttpResponse.json({ token: [INVALID_LINK] }, { status: 400 })))
    renderApp('/verify-email#uid=MQ&token=used-token')

    expect(await screen.findByRole('heading', { name: 'This link did not work' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(INVALID_LINK)
  })

  it('sends nothing for a link that lost its token', async () => {
    let calls = 0
    server.use(
      http.post(`${API}/auth/email/verify/`, () => {
        calls += 1
        return new HttpResponse(null, { status: 204 })
      }),
    )
    renderApp('/verify-email#uid=MQ')

    expect(await screen.findByRole('heading', { name: 'This link is incomplete' })).toBeInTheDocument()
    expect(calls).toBe(0)
  })
})

describe('the page of the e-mailed password reset link', () => {
  async function chooseNewPassword(): Promise<void> {
    await userEvent.type(await screen.findByLabelText('New password'), 'a-brand-new-passphrase-7')
    await userEvent.type(screen.getByLabelText('New password, again'), 'a-brand-new-passphrase-7')
    await userEvent.click(screen.getByRole('button', { name: 'Save my new password' }))
  }

  it.each([
    ['the fragment', '/reset-password#uid=MQ&token=cx7k2a-0b1c2d3e4f'],
    ['the query string of links sent before', '/reset-password?uid=MQ&token=cx7k2a-0b1c2d3e4f'],
  ])('takes the uid and token from %s', async (_where, path) => {
    let body: unknown = null
    server.use(
      http.post(`${API}/auth/password/reset/confirm/`, async ({ request }) => {
        body = await request.json()
        return new HttpResponse(null, { status: 204 })
      }),
    )
    renderApp(path)

    await chooseNewPassword()

    expect(await screen.findByRole('heading', { name: 'Your password is changed' })).toBeInTheDocument()
    expect(body).toEqual({ uid: 'MQ', token: 'cx7k2a-0b1c2d3e4f', new_password: 'a-brand-new-passphrase-7' })
    expect(currentPath()).toBe('/reset-password')
  })
})
