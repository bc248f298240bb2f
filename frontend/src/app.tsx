import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { BrowserRouter } from 'react-router'
import { prefetchFirstPage } from './services/prefetch'
import { createQueryClient } from './services/query-client'
import { AppRoutes } from './router'

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient()
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
