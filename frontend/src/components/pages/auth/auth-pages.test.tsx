import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeMe } from '../../../test/factories'
import { currentPath, renderApp } from '../../../test/render'
import { API, server } from '../../../test/server'

describe('logging in', () => {
  it('says plainly when the password is wrong', async () => {
    server.use(http.post(`${API}/auth/login/`, () => HttpResponse.json({ detail: 'No active account found.' }, { status: 401 })))
    renderApp('/login')

    await userEvent.type(await screen.findByLabelText('Email or username'), 'ada@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password')
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('That email or username and password do not match')
  })

  it('signs in, keeps no token in storage, and goes back where the person was', async () => {
    let body: unknown = null
    server.use(
      http.post(`${API}/auth/login/`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ user: makeMe(), access: 'access-token', refresh: 'refresh-token' })
      }),
    )
    renderApp('/login?next=%2Fcategories')

    await userEvent.type(await screen.findByLabelText('Email or username'), 'grace')
    await userEvent.type(screen.getByLabelText('Password'), 'a-good-password')
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }))

    await waitFor(() => expect(currentPath()).toBe('/categories'))
    expect(body).toEqual({ username: 'grace', password: 'a-good-password' })
    expect(await screen.findByRole('button', { name: 'Your account menu' })).toBeInTheDocument()
    const stored = [...Object.values(window.localStorage), ...Object.values(window.sessionStorage)].join(' ')
    expect(stored).not.toContain('access-token')
    expect(stored).not.toContain('refresh-token')
  })

  it('checks the form before sending it', async () => {
    renderApp('/login')

    await userEvent.click(await screen.findByRole('button', { name: 'Log in' }))

    expect(await screen.findByText('Enter your email or username.')).toBeInTheDocument()
    expect(screen.getByText('Enter your password.')).toBeInTheDocument()
    expect(screen.getByLabelText('Email or username')).toHaveAttribute('aria-invalid', 'true')
  })

  it('hides Google sign-in when no client id is configured', async () => {
    renderApp('/login')
    await screen.findByRole('heading', { name: 'Welcome back' })
    expect(screen.queryByText('or')).not.toBeInTheDocument()
  })
})

describe('registering', () => {
  it("mirrors the API's rules before sending anything", async () => {
    renderApp('/register')

    await userEvent.type(await screen.findByLabelText('Username'), 'new person')
    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email')
    await userEvent.type(screen.getByLabelText('Password'), '12345678')
    await userEvent.click(screen.getByRole('button', { name: 'Create my account' }))

    expect(await screen.findByText('Use letters, digits and . @ + - _ only.')).toBeInTheDocument()
    expect(screen.getByText('Enter a valid email address.')).toBeInTheDocument()
    expect(screen.getByText('A password cannot be only digits.')).toBeInTheDocument()
  })

  it("puts the server's refusals next to their fields", async () => {
    server.use(
      http.post(`${API}/auth/register/`, () =>
        HttpResponse.json({ username: ['A user with that username already exists.'], password: ['This password is too common.'] }, { status: 400 }),
      ),
    )
    renderApp('/register')

    await userEvent.type(await screen.findByLabelText('Username'), 'ada')
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'password1')
    await userEvent.click(screen.getByRole('button', { name: 'Create my account' }))

    const username = screen.getByLabelText('Username')
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'))
    expect(username).toHaveAccessibleDescription('A user with that username already exists.')
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('This password is too common.')
  })
})

describe('pages for signed-in people only', () => {
  it('sends an anonymous visitor to log in and back', async () => {
    renderApp('/notifications')
    expect(await screen.findByRole('heading', { name: 'Welcome back' })).toBeInTheDocument()
    expect(currentPath()).toBe('/login?next=%2Fnotifications')
  })
})

describe('an unknown address', () => {
  it('shows a real not-found page', async () => {
    renderApp('/no/such/page')
    expect(await screen.findByRole('heading', { name: 'This page is not in the window' })).toBeInTheDocument()
  })
})
