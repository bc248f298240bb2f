import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import { useLayoutEffect } from 'react'
import { http, HttpResponse } from 'msw'
import { MemoryRouter, useLocation } from 'react-router'
import { AppRoutes } from '../router'
import { restoreSession } from '../services/auth/me'
import type { Me } from '../types/models'
import { API, server } from './server'

/** A fresh client per test, without retries, so a failure shows at once. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } })
}

let currentLocation = ''
function LocationProbe() {
  const location = useLocation()
  useLayoutEffect(() => {
    currentLocation = `${location.pathname}${location.search}`
  })
  return null
}

/** The path the app is showing now (after redirects and navigations). */
export function currentPath(): string {
  return currentLocation
}

/** Renders the whole app (layout, session, routes) at `path`, as a browser would open it. */
export function renderApp(path: string): RenderResult & { queryClient: QueryClient } {
  const queryClient = createTestQueryClient()
  // As main.tsx does before the first render.
  restoreSession(queryClient)
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  )
  return { ...result, queryClient }
}

/** Makes the next page load find a live session (refresh cookie → access token → /auth/me/). */
export function signInAs(me: Me): void {
  window.localStorage.setItem('vitrin:signed-in', '1')
  server.use(
    http.post(`${API}/auth/refresh/`, () => HttpResponse.json({ access: 'access-1' })),
    http.get(`${API}/auth/me/`, () => HttpResponse.json(me)),
  )
}
