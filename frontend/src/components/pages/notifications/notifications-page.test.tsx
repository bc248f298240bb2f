import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeMe, makeNotification, makeUser } from '../../../test/factories'
import { renderApp, signInAs } from '../../../test/render'
import { API, page, server } from '../../../test/server'

describe('notifications', () => {
  it('shows the unread count on the bell, lists them and marks them read', async () => {
    signInAs(makeMe())
    let unread = 2
    const marked: unknown[] = []
    server.use(
      http.get(`${API}/notifications/unread-count/`, () => HttpResponse.json({ unread })),
      http.get(`${API}/notifications/`, () =>
        HttpResponse.json(
          page([
            makeNotification({ id: 1, verb: 'comment', read: unread === 0 }),
            makeNotification({ id: 2, verb: 'follow', actor: makeUser({ username: 'lena', first_name: 'Lena', last_name: 'Fischer' }), product: null, comment: null, read: unread === 0 }),
          ]),
        ),
      ),
      http.post(`${API}/notifications/read/`, async ({ request }) => {
        marked.push(await request.json())
        unread = 0
        return new HttpResponse(null, { status: 204 })
      }),
    )
    renderApp('/notifications')

    expect(await screen.findByRole('link', { name: 'Notifications, 2 unread' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Ada Lovelace commented on your product' })).toHaveAttribute('href', '/products/1#comment-3')
    expect(screen.getByRole('link', { name: 'Lena Fischer started following you' })).toHaveAttribute('href', '/users/lena')

    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }))

    await waitFor(() => expect(screen.getByRole('link', { name: 'Notifications' })).toBeInTheDocument())
    expect(marked).toEqual([{}])
    expect(screen.queryByRole('button', { name: 'Mark as read' })).not.toBeInTheDocument()
  })
})
