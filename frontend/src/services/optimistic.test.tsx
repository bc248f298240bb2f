import { QueryClientProvider, type InfiniteData, type QueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { makeProduct, makeUser } from '../test/factories'
import { createTestQueryClient } from '../test/render'
import { API, page, server } from '../test/server'
import type { Page, Product, PublicUser } from '../types/models'
import { productKeys } from './products/keys'
import { useUpvote } from './products/upvote-product'
import { searchKeys } from './search/keys'
import { userKeys } from './users/keys'
import { useFollow } from './users/follow-user'

function wrapperFor(queryClient: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  }
}

/** An answer the test releases when it has looked at the optimistic state. */
function gate() {
  let open: () => void = () => undefined
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

function seedProductCaches(queryClient: QueryClient) {
  const detail = makeProduct()
  const list: InfiniteData<Page<Product>> = { pages: [page([makeProduct(), makeProduct({ id: 2, slug: 'desk' })])], pageParams: ['/products/'] }
  const search: Page<Product> = page([makeProduct()])
  queryClient.setQueryData(productKeys.detail(1), detail)
  queryClient.setQueryData(productKeys.list({ ordering: 'hot' }), list)
  queryClient.setQueryData(searchKeys.products({ q: 'lamp' }), search)
  return { detail, list, search }
}

describe('the optimistic toggle shared by upvote and follow', () => {
  it('patches every cached copy at once and restores each one exactly when the server refuses', async () => {
    const queryClient = createTestQueryClient()
    const seeded = seedProductCaches(queryClient)
    const answer = gate()
    server.use(
      http.post(`${API}/products/1/upvote/`, async () => {
        await answer.opened
        return HttpResponse.json({ detail: 'You cannot upvote your own product.' }, { status: 403 })
      }),
    )
    const { result } = renderHook(() => useUpvote(), { wrapper: wrapperFor(queryClient) })

    act(() => result.current.mutate({ id: 1, upvoted: true, count: 5 }))

    await waitFor(() => expect(queryClient.getQueryData<Product>(productKeys.detail(1))?.has_upvoted).toBe(true))
    expect(queryClient.getQueryData<Product>(productKeys.detail(1))?.upvote_count).toBe(6)
    const list = queryClient.getQueryData<InfiniteData<Page<Product>>>(productKeys.list({ ordering: 'hot' }))
    expect(list?.pages[0]?.results.map((product) => [product.id, product.has_upvoted, product.upvote_count])).toEqual([
      [1, true, 6],
      [2, false, 5],
    ])
    expect(queryClient.getQueryData<Page<Product>>(searchKeys.products({ q: 'lamp' }))?.results[0]?.upvote_count).toBe(6)

    answer.open()

    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error?.message).toBe('You cannot upvote your own product.')
    expect(queryClient.getQueryData(productKeys.detail(1))).toEqual(seeded.detail)
    expect(queryClient.getQueryData(productKeys.list({ ordering: 'hot' }))).toEqual(seeded.list)
    expect(queryClient.getQueryData(searchKeys.products({ q: 'lamp' }))).toEqual(seeded.search)
    expect(queryClient.getQueryState(productKeys.detail(1))?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(productKeys.list({ ordering: 'hot' }))?.isInvalidated).toBe(true)
  })

  it('rolls a follow back on the profile and on the author embedded in a product', async () => {
    const queryClient = createTestQueryClient()
    const profile = makeUser({ is_following: false, followers_count: 10 })
    const product = makeProduct()
    queryClient.setQueryData(userKeys.detail('ada'), profile)
    queryClient.setQueryData(productKeys.detail(1), product)
    const answer = gate()
    server.use(
      http.post(`${API}/users/ada/follow/`, async () => {
        await answer.opened
        return HttpResponse.json({ detail: 'Something went wrong on our side.' }, { status: 500 })
      }),
    )
    const { result } = renderHook(() => useFollow(), { wrapper: wrapperFor(queryClient) })

    act(() => result.current.mutate({ id: 1, username: 'ada', following: true, count: 10 }))

    await waitFor(() => expect(queryClient.getQueryData<PublicUser>(userKeys.detail('ada'))?.is_following).toBe(true))
    expect(queryClient.getQueryData<PublicUser>(userKeys.detail('ada'))?.followers_count).toBe(11)
    expect(queryClient.getQueryData<Product>(productKeys.detail(1))?.author.is_following).toBe(true)

    answer.open()

    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(queryClient.getQueryData(userKeys.detail('ada'))).toEqual(profile)
    expect(queryClient.getQueryData(productKeys.detail(1))).toEqual(product)
    expect(queryClient.getQueryState(userKeys.detail('ada'))?.isInvalidated).toBe(true)
  })

  it('does not bring back what was forgotten while the request ran (the session ended)', async () => {
    const queryClient = createTestQueryClient()
    seedProductCaches(queryClient)
    const answer = gate()
    server.use(
      http.post(`${API}/products/1/upvote/`, async () => {
        await answer.opened
        return HttpResponse.json({ detail: 'Please sign in to continue.' }, { status: 403 })
      }),
    )
    const { result } = renderHook(() => useUpvote(), { wrapper: wrapperFor(queryClient) })
    act(() => result.current.mutate({ id: 1, upvoted: true, count: 5 }))
    await waitFor(() => expect(queryClient.getQueryData<Product>(productKeys.detail(1))?.has_upvoted).toBe(true))

    queryClient.removeQueries()
    answer.open()

    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(queryClient.getQueryCache().getAll()).toEqual([])
  })
})
