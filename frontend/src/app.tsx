import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { BrowserRouter } from 'react-router'
import { readHint } from './hooks/use-session'
import { restoreAccessToken } from './services/api'
import { prefetchFirstPage } from './services/prefetch'
import { createQueryClient } from './services/query-client'
import { AppRoutes } from './router'

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient()
    // A returning person's session is restored first; the first page's data waits for it.
    if (readHint()) void restoreAccessToken()
    prefetchFirstPage(client, window.location)
    return client
  })
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  )
}
