import { screen, waitFor, within } from '@testing-library/react'
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
            makeNotification({ id: 2, verb: 'follow', actor: makeUser({ username: 'lena', first_name: 'Lena', last_name: 'Fischer' }), product: null, product_title: null, comment: null, read: unread === 0 }),
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
    expect(await screen.findByRole('link', { name: 'Ada Lovelace commented on Lamp' })).toHaveAttribute('href', '/products/1#comment-3')
    expect(screen.getByRole('link', { name: 'Lena Fischer started following you' })).toHaveAttribute('href', '/users/lena')

    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }))

    await waitFor(() => expect(screen.getByRole('link', { name: 'Notifications' })).toBeInTheDocument())
    expect(marked).toEqual([{}])
    expect(screen.queryByRole('button', { name: 'Mark as read' })).not.toBeInTheDocument()
  })

  it('names the product each notification is about, as a link to it', async () => {
    signInAs(makeMe())
    const bob = makeUser({ id: 2, username: 'bob', first_name: 'Bob', last_name: 'Marley' })
    server.use(
      http.get(`${API}/notifications/`, () =>
        HttpResponse.json(
          page([
            makeNotification({ id: 1, verb: 'upvote', product: 7, product_title: 'Notion', comment: null }),
            makeNotification({ id: 2, verb: 'comment', actor: bob, product: 7, product_title: 'Notion', comment: 12 }),
            makeNotification({ id: 3, verb: 'reply', actor: bob, product: 8, product_title: 'Linear', comment: 13 }),
            // A product the reader may no longer see has no title: the sentence does without it.
            makeNotification({ id: 4, verb: 'upvote', actor: bob, product: 9, product_title: null, comment: null }),
          ]),
        ),
      ),
    )
    renderApp('/notifications')

    const upvoted = await screen.findByRole('link', { name: 'Ada Lovelace upvoted Notion' })
    expect(upvoted).toHaveAttribute('href', '/products/7')
    expect(within(upvoted).getByText('Notion').tagName).toBe('STRONG')
    expect(screen.getByRole('link', { name: 'Bob Marley commented on Notion' })).toHaveAttribute('href', '/products/7#comment-12')
    expect(screen.getByRole('link', { name: 'Bob Marley replied to your comment on Linear' })).toHaveAttribute('href', '/products/8#comment-13')
    expect(screen.getByRole('link', { name: 'Bob Marley upvoted your product' })).toHaveAttribute('href', '/products/9')
  })
})
