import { request } from '../api'

/** Revokes the refresh cookie's token; the backend also clears the cookie. */
export function logout(): Promise<void> {
  return request<void>('/auth/logout/', { method: 'POST', body: {}, skipRefresh: true })
}
