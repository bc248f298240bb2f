import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { makeCategory } from './factories'

export const API = 'http://localhost:3000/api'

/** What every test may rely on; a test adds its own handlers with `server.use(...)`. */
export const defaultHandlers = [
  http.post(`${API}/auth/refresh/`, () => HttpResponse.json({ detail: 'No session.' }, { status: 401 })),
  http.get(`${API}/config/`, () => HttpResponse.json({ google_client_id: null })),
  http.get(`${API}/categories/`, () =>
    HttpResponse.json({ next: null, previous: null, results: [makeCategory(), makeCategory({ id: 2, slug: 'design-tools', name: 'Design tools' })] }),
  ),
  http.get(`${API}/notifications/unread-count/`, () => HttpResponse.json({ unread: 0 })),
]

export const server = setupServer(...defaultHandlers)

export function page<T>(results: T[], next: string | null = null) {
  return { next, previous: null, results }
}
