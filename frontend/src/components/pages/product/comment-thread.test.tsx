import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeComment, makeProduct } from '../../../test/factories'
import { renderApp } from '../../../test/render'
import { API, page, server } from '../../../test/server'
import type { Comment } from '../../../types/models'

const repliesLink = (id: number, cursor?: string) => `${API}/comments/${id}/replies/${cursor ? `?cursor=${cursor}` : ''}`

function reply(id: number, parent: number, overrides: Partial<Comment> = {}): Comment {
  return makeComment({ id, parent, content: `Reply ${id}`, ...overrides })
}

/** Serves the product page with `comments` as its discussion, and each comment's further replies by cursor. */
function serveDiscussion(comments: Comment[], replyPages: Record<string, { results: Comment[]; next: string | null }>) {
  const asked: string[] = []
  server.use(
    http.get(`${API}/products/1/`, () => HttpResponse.json(makeProduct())),
    http.get(`${API}/products/1/comments/`, () => HttpResponse.json(page(comments))),
    http.get(`${API}/products/`, () => HttpResponse.json(page([]))),
    http.get(`${API}/comments/:id/replies/`, ({ request, params }) => {
      const cursor = new URL(request.url).searchParams.get('cursor') ?? ''
      const key = `${String(params.id)}:${cursor}`
      asked.push(key)
      const found = replyPages[key]
      return found ? HttpResponse.json(page(found.results, found.next)) : HttpResponse.json({ detail: 'Not found.' }, { status: 404 })
    }),
  )
  return asked
}

function threadOf(text: string): HTMLElement {
  return screen.getByText(text).closest('[id^="comment-"]') as HTMLElement
}

describe('the replies a discussion does not show', () => {
  it('load page by page under "N more replies", after the ones shown', async () => {
    const top = makeComment({
      id: 2,
      content: 'Top comment',
      replies: [reply(3, 2), reply(4, 2), reply(5, 2)],
      reply_count: 6,
      replies_next: repliesLink(2, 'after-5'),
    })
    const asked = serveDiscussion([top], {
      '2:after-5': { results: [reply(6, 2), reply(7, 2)], next: repliesLink(2, 'after-7') },
      '2:after-7': { results: [reply(8, 2)], next: null },
    })
    renderApp('/products/1/lamp')

    await screen.findByText('Reply 5')
    expect(screen.queryByText('Reply 6')).not.toBeInTheDocument()
    expect(asked).toEqual([])
    await userEvent.click(within(threadOf('Top comment')).getByRole('button', { name: '3 more replies' }))

    expect(await screen.findByText('Reply 7')).toBeInTheDocument()
    const shown = within(threadOf('Top comment')).getAllByText(/^Reply \d$/).map((node) => node.textContent)
    expect(shown).toEqual(['Reply 3', 'Reply 4', 'Reply 5', 'Reply 6', 'Reply 7'])
    await userEvent.click(within(threadOf('Top comment')).getByRole('button', { name: '1 more reply' }))

    expect(await screen.findByText('Reply 8')).toBeInTheDocument()
    expect(within(threadOf('Top comment')).queryByRole('button', { name: /more repl/ })).not.toBeInTheDocument()
    expect(asked).toEqual(['2:after-5', '2:after-7'])
  })

  it('open the first page of a comment the discussion cut at its inline depth', async () => {
    const cut = reply(4, 3, { content: 'Level 2', reply_count: 1, replies_next: repliesLink(4) })
    const top = makeComment({ id: 2, content: 'Top comment', replies: [reply(3, 2, { content: 'Level 1', replies: [cut] })] })
    const asked = serveDiscussion([top], { '4:': { results: [reply(5, 4, { content: 'Level 3' })], next: null } })
    renderApp('/products/1/lamp')

    await screen.findByText('Level 2')
    await userEvent.click(within(threadOf('Level 2')).getByRole('button', { name: '1 more reply' }))

    expect(await within(threadOf('Level 2')).findByText('Level 3')).toBeInTheDocument()
    expect(asked).toEqual(['4:'])
  })

  it('offer nothing more when every reply is shown', async () => {
    const top = makeComment({ id: 2, content: 'Top comment', replies: [reply(3, 2), reply(4, 2)] })
    serveDiscussion([top], {})
    renderApp('/products/1/lamp')

    await screen.findByText('Reply 4')
    expect(top.reply_count).toBe(2)
    expect(screen.queryByRole('button', { name: /more repl/ })).not.toBeInTheDocument()
  })

  it('say so when they could not be loaded, and load them on a second try', async () => {
    const top = makeComment({ id: 2, content: 'Top comment', replies: [reply(3, 2)], reply_count: 2, replies_next: repliesLink(2, 'after-3') })
    const pages: Record<string, { results: Comment[]; next: string | null }> = {}
    const asked = serveDiscussion([top], pages)
    renderApp('/products/1/lamp')

    await screen.findByText('Reply 3')
    await userEvent.click(screen.getByRole('button', { name: '1 more reply' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('The replies could not be loaded.')
    pages['2:after-3'] = { results: [reply(4, 2)], next: null }
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))

    expect(await screen.findByText('Reply 4')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(asked).toEqual(['2:after-3', '2:after-3'])
  })
})
