import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { API, server } from '../test/server'
import { ApiError, request, setAccessToken, setSessionExpiredHandler, toApiPath } from './api'

describe('the HTTP client', () => {
  it('refreshes once on a 401 and sends the request again with the new token', async () => {
    setAccessToken('expired')
    const seen: (string | null)[] = []
    let refreshes = 0
    server.use(
      http.get(`${API}/auth/me/`, ({ request: incoming }) => {
        const auth = incoming.headers.get('Authorization')
        seen.push(auth)
        return auth === 'Bearer fresh' ? HttpResponse.json({ id: 1 }) : HttpResponse.json({ detail: 'Expired.' }, { status: 401 })
      }),
      http.post(`${API}/auth/refresh/`, async ({ request: incoming }) => {
        refreshes += 1
        expect(await incoming.json()).toEqual({})
        // A refresh from the cookie answers the access token only: the refresh token stays in the cookie.
        return HttpResponse.json({ access: 'fresh' })
      }),
    )

    const [first, second] = await Promise.all([request<{ id: number }>('/auth/me/'), request<{ id: number }>('/auth/me/')])

    expect(first).toEqual({ id: 1 })
    expect(second).toEqual({ id: 1 })
    expect(refreshes).toBe(1)
    expect(seen.filter((auth) => auth === 'Bearer fresh')).toHaveLength(2)
  })

  it('ends the session when the refresh is refused too', async () => {
    setAccessToken('expired')
    const expired = vi.fn()
    setSessionExpiredHandler(expired)
    server.use(http.get(`${API}/notifications/`, () => HttpResponse.json({ detail: 'Expired.' }, { status: 401 })))

    await expect(request('/notifications/')).rejects.toBeInstanceOf(ApiError)

    expect(expired).toHaveBeenCalledTimes(1)
    setSessionExpiredHandler(null)
  })

  it('turns a 400 into field errors a form can show', async () => {
    server.use(
      http.post(`${API}/products/`, () => HttpResponse.json({ title: ['This field is required.'], tags: ['At most 10 tags.'] }, { status: 400 })),
    )

    const error = await request('/products/', { method: 'POST', body: {} }).catch((failure: unknown) => failure)

    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).fieldErrors).toEqual({ title: ['This field is required.'], tags: ['At most 10 tags.'] })
  })

  it('says when to come back after a 429', async () => {
    server.use(http.get(`${API}/products/`, () => HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '30' } })))

    await expect(request('/products/')).rejects.toThrow('Try again in 30 seconds')
  })

  it('follows an absolute next link as an API path', () => {
    expect(toApiPath('http://testserver/api/products/?cursor=abc&ordering=new')).toBe('/products/?cursor=abc&ordering=new')
  })
})
