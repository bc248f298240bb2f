import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeComment, makeMe, makeProduct, makeUser } from '../../../test/factories'
import { renderApp, signInAs } from '../../../test/render'
import { API, page, server } from '../../../test/server'

function serveProduct(product = makeProduct(), comments = [makeComment()]) {
  server.use(
    http.get(`${API}/products/${product.id}/`, () => HttpResponse.json(product)),
    http.get(`${API}/products/${product.id}/comments/`, () => HttpResponse.json(page(comments))),
    http.get(`${API}/products/`, () => HttpResponse.json(page([product, makeProduct({ id: 7, title: 'Neighbour', slug: 'neighbour' })]))),
  )
}

describe('the product page', () => {
  it("shows a maker's HTML as text, never as markup", async () => {
    serveProduct(makeProduct({ description: '<img src=x onerror="alert(1)"><b>bold</b>\n\nSecond paragraph' }))
    const { container } = renderApp('/products/1/lamp')

    expect(await screen.findByRole('heading', { level: 1, name: 'Lamp' })).toBeInTheDocument()
    const description = screen.getByRole('region', { name: 'Description' })
    expect(description).toHaveTextContent('<img src=x onerror="alert(1)"><b>bold</b>')
    expect(within(description).getAllByRole('paragraph')).toHaveLength(2)
    expect(container.querySelector('b')).toBeNull()
    expect(container.querySelector('img[src="x"]')).toBeNull()
  })

  it('never links to a javascript: URL', async () => {
    serveProduct(makeProduct({ url: 'javascript:alert(1)' }))
    renderApp('/products/1/lamp')
    await screen.findByRole('heading', { level: 1, name: 'Lamp' })
    expect(screen.queryByRole('link', { name: /Visit/ })).not.toBeInTheDocument()
  })

  it('shows the maker, more of the category, and collapses deep threads', async () => {
    const deep = makeComment({ id: 5, content: 'Level 3 reply', parent: 4 })
    const thread = makeComment({
      id: 2,
      content: 'Top comment',
      replies: [makeComment({ id: 3, parent: 2, content: 'Level 1', replies: [makeComment({ id: 4, parent: 3, content: 'Level 2', replies: [deep] })] })],
    })
    serveProduct(makeProduct({ author: makeUser({ username: 'ada', bio: 'Makes engines.' }) }), [thread])
    renderApp('/products/1/lamp')

    expect(await screen.findByText('Top comment')).toBeInTheDocument()
    expect(screen.getByText('Level 2')).toBeInTheDocument()
    expect(screen.queryByText('Level 3 reply')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Show 1 more reply' }))
    expect(screen.getByText('Level 3 reply')).toBeInTheDocument()

    expect(screen.getByRole('region', { name: 'Maker' })).toHaveTextContent('Makes engines.')
    expect(await screen.findByRole('link', { name: /Neighbour/ })).toBeInTheDocument()
  })

  it('lets a signed-in person reply, and edit or delete only their own comments', async () => {
    const me = makeMe()
    signInAs(me)
    const mine = makeComment({ id: 8, author: me, content: 'My own words' })
    serveProduct(makeProduct(), [makeComment({ id: 2, content: 'Someone else' }), mine])
    let posted: unknown = null
    server.use(
      http.post(`${API}/products/1/comments/`, async ({ request }) => {
        posted = await request.json()
        return HttpResponse.json(makeComment({ id: 9 }), { status: 201 })
      }),
    )
    renderApp('/products/1/lamp')

    const others = (await screen.findByText('Someone else')).closest('[id^="comment-"]') as HTMLElement
    expect(within(others).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument()
    const own = screen.getByText('My own words').closest('[id^="comment-"]') as HTMLElement
    expect(within(own).getByRole('button', { name: 'Edit' })).toBeInTheDocument()
    expect(within(own).getByRole('button', { name: 'Delete' })).toBeInTheDocument()

    await userEvent.click(within(others).getByRole('button', { name: 'Reply' }))
    await userEvent.type(await screen.findByRole('textbox', { name: 'Reply to ada' }), 'Thanks!')
    await userEvent.click(screen.getByRole('button', { name: 'Post reply' }))

    await screen.findByText('Someone else')
    expect(posted).toEqual({ content: 'Thanks!', parent: 2 })
  })

  it('shows the not-found page for a draft that is not yours', async () => {
    server.use(http.get(`${API}/products/3/`, () => HttpResponse.json({ detail: 'Not found.' }, { status: 404 })))
    renderApp('/products/3/secret')
    expect(await screen.findByRole('heading', { name: 'This product is not in the window' })).toBeInTheDocument()
  })

  it('shows the error state of the route when the product does not load, and loads it on "Try again"', async () => {
    serveProduct()
    let attempts = 0
    server.use(
      http.get(`${API}/products/1/`, () => {
        attempts += 1
        return attempts === 1
          ? HttpResponse.json({ detail: 'Something went wrong on our side.' }, { status: 503 })
          : HttpResponse.json(makeProduct())
      }),
    )
    renderApp('/products/1/lamp')

    const failed = await screen.findByRole('alert')
    expect(within(failed).getByText('This did not load')).toBeInTheDocument()
    expect(within(failed).getByText('Something went wrong on our side.')).toBeInTheDocument()
    await userEvent.click(within(failed).getByRole('button', { name: 'Try again' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Lamp' })).toBeInTheDocument()
    expect(attempts).toBe(2)
  })
})
