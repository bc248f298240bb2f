import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeMe, makeProduct, makeUser } from '../../../test/factories'
import { currentPath, renderApp, signInAs } from '../../../test/render'
import { API, page, server } from '../../../test/server'

function pngFile(name = 'cover.png') {
  return new File([new Uint8Array([137, 80, 78, 71])], name, { type: 'image/png' })
}

describe('submitting a product', () => {
  it("checks the API's rules before sending", async () => {
    signInAs(makeMe())
    renderApp('/submit')

    await userEvent.type(await screen.findByLabelText('Link (optional)'), 'ftp://nope')
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }))

    expect(await screen.findByText('Give your product a name.')).toBeInTheDocument()
    expect(screen.getByText('Enter a full link starting with http:// or https://.')).toBeInTheDocument()
    expect(screen.getByText('Choose a category.')).toBeInTheDocument()
  })

  it('uploads an image, adds tags and saves a draft', async () => {
    const me = makeMe()
    signInAs(me)
    const draft = makeProduct({ id: 42, slug: 'my-lamp', title: 'My lamp', status: 'draft', published_at: null, author: makeUser({ id: me.id, username: me.username }) })
    let sent: Record<string, unknown> | null = null
    server.use(
      http.post(`${API}/uploads/`, () =>
        HttpResponse.json({ url: '/media/uploads/cover.png', width: 10, height: 10, content_type: 'image/png', size: 4 }, { status: 201 }),
      ),
      http.post(`${API}/products/`, async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>
        return HttpResponse.json(draft, { status: 201 })
      }),
      http.get(`${API}/products/42/`, () => HttpResponse.json(draft)),
      http.get(`${API}/products/42/comments/`, () => HttpResponse.json(page([]))),
      http.get(`${API}/products/`, () => HttpResponse.json(page([]))),
    )
    renderApp('/submit')

    await userEvent.type(await screen.findByLabelText('Name'), 'My lamp')
    await userEvent.type(screen.getByLabelText('Tagline (optional)'), 'Light for tabs')
    const category = screen.getByLabelText('Category')
    await waitFor(() => expect(category).toBeEnabled())
    await userEvent.selectOptions(category, 'productivity')
    await userEvent.upload(screen.getByLabelText('Thumbnail'), pngFile())
    expect(await screen.findByRole('img', { name: 'Thumbnail preview' })).toHaveAttribute('src', '/media/uploads/cover.png')
    await userEvent.type(screen.getByLabelText('Tags (optional)'), 'Focus{Enter}desk,')
    expect(within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['#focus', '#desk'])

    await userEvent.click(screen.getByRole('button', { name: 'Save as draft' }))

    await waitFor(() => expect(currentPath()).toBe('/products/42/my-lamp'))
    // The maker is told it is saved, and where to find it again.
    expect(await within(screen.getByRole('main')).findByRole('status')).toHaveTextContent('Draft saved. This is a draft: only you can see it.')
    expect(screen.getByRole('link', { name: 'All your drafts' })).toHaveAttribute('href', '/me/products?status=draft')
    expect(sent).toMatchObject({
      title: 'My lamp',
      tagline: 'Light for tabs',
      category: 'productivity',
      image: '/media/uploads/cover.png',
      tags: ['focus', 'desk'],
      gallery: [],
      status: 'draft',
    })
  })

  it("shows the server's refusals next to their fields", async () => {
    signInAs(makeMe())
    server.use(http.post(`${API}/products/`, () => HttpResponse.json({ url: ['Enter a valid URL.'] }, { status: 400 })))
    renderApp('/submit')

    await userEvent.type(await screen.findByLabelText('Name'), 'Thing')
    const category = screen.getByLabelText('Category')
    await waitFor(() => expect(category).toBeEnabled())
    await userEvent.selectOptions(category, 'productivity')
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }))

    await waitFor(() => expect(screen.getByLabelText('Link (optional)')).toHaveAccessibleDescription('Enter a valid URL.'))
  })

  it('refuses a file that is not an image before uploading it', async () => {
    signInAs(makeMe())
    renderApp('/submit')
    const input = await screen.findByLabelText('Thumbnail')
    await userEvent.upload(input, new File(['hello'], 'notes.txt', { type: 'text/plain' }), { applyAccept: false })
    expect(await screen.findByText('Choose a JPEG, PNG, WebP or GIF image.')).toBeInTheDocument()
  })
})
