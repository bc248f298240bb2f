import { queryOptions, useQuery } from '@tanstack/react-query'
import { request } from '../api'

export interface ClientConfig {
  google_client_id: string | null
}

export const configKeys = {
  all: ['config'] as const,
}

export function getClientConfig(): Promise<ClientConfig> {
  return request<ClientConfig>('/config/')
}

export const clientConfigQueryOptions = () =>
  queryOptions({ queryKey: configKeys.all, queryFn: getClientConfig, staleTime: Infinity })

export function useClientConfig() {
  return useQuery(clientConfigQueryOptions())
}
