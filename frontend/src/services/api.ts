/**
 * The one HTTP client of the web app.
 *
 * The access token lives in this module's memory only. The refresh token is an httpOnly
 * cookie that the backend sets on `/api/auth/`; JavaScript never sees it. A `401` triggers
 * one silent refresh (shared by every request that failed at the same time) and the request
 * is sent again; when the refresh fails too, the session is over and the handler registered
 * by the session provider sends the person to the login page. Uploads go through it too
 * (`onUploadProgress`): same header, same refresh, same errors.
 */
import { env } from '../config/env'
import { noteAnswer, noteNoAnswer } from './app-status'
import type { AuthResponse } from '../types/models'

export type FieldErrors = Record<string, string[]>

export class ApiError extends Error {
  readonly status: number
  readonly fieldErrors: FieldErrors
  readonly retryAfter: number | null

  constructor(status: number, message: string, fieldErrors: FieldErrors = {}, retryAfter: number | null = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.fieldErrors = fieldErrors
    this.retryAfter = retryAfter
  }
}

/*
 * What must live in this module, outside React and React Query, and nothing more:
 * - the access token: in memory only (never in storage), read by every request;
 * - the refresh in flight: the refresh token is rotated, so every request that meets a 401 at
 *   the same time (and every request sent while the session is being restored at page load)
 *   must share one refresh instead of racing a second, refused one;
 * - the listener the session registers for an expired session: services do not import hooks,
 *   so the session hook hands this module its callback instead.
 * The signed-in person is React Query's `authKeys.me()` query (services/auth/me.ts).
 */
let accessToken: string | null = null
let refreshing: Promise<string | null> | null = null
let onSessionExpired: (() => void) | null = null

export function setAccessToken(token: string | null): void {
  accessToken = token
}

export function currentAccessToken(): string | null {
  return accessToken
}

export function setSessionExpiredHandler(handler: (() => void) | null): void {
  onSessionExpired = handler
}

/** Turns an absolute `next` link of a paginated answer into a path this client can fetch. */
export function toApiPath(link: string): string {
  const url = new URL(link, window.location.origin)
  const base = new URL(`${env.apiBaseUrl}/`, window.location.origin).pathname
  const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length - 1) : url.pathname
  return `${path}${url.search}`
}

export function apiUrl(path: string): string {
  return new URL(`${env.apiBaseUrl}${path}`, window.location.origin).href
}

type Query = Record<string, string | number | boolean | null | undefined>

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
  /** Auth endpoints answer 401 for wrong credentials: that is not an expired session. */
  skipRefresh?: boolean
  /**
   * Reports the share of the body sent so far (0 to 1), for a file upload. Only XMLHttpRequest
   * reports upload progress, so such a request is sent with it instead of fetch.
   */
  onUploadProgress?: (fraction: number) => void
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  // A refresh in flight (the session restored at page load, or a 401 being recovered) is waited
  // for: a signed-in person's first page is never fetched anonymously, and no request is sent
  // with a token that is being replaced.
  if (!options.skipRefresh && refreshing !== null) await refreshing
  const response = await send(path, options)
  if (response.status === 401 && !options.skipRefresh && accessToken !== null) {
    const token = await refreshAccessToken()
    if (token !== null) return parse<T>(await send(path, options))
    onSessionExpired?.()
  }
  return parse<T>(response)
}

function send(path: string, { method = 'GET', body, signal, onUploadProgress }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`
  let payload: FormData | string | undefined
  if (body instanceof FormData) {
    payload = body
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  if (onUploadProgress) return sendWithProgress(apiUrl(path), { method, headers, body: payload, signal, onUploadProgress })
  // The document preloads its page's first data anonymously (backend/webapp/views.py), and a
  // browser hands a preloaded answer to any request of the same URL, mode and credentials mode,
  // whatever its headers. A signed-in read goes without cookies (the API reads the Authorization
  // header alone), so it is never given the anonymous answer.
  const credentials = accessToken && method === 'GET' ? 'omit' : 'same-origin'
  return fetch(apiUrl(path), { method, headers, body: payload, signal, credentials }).then(
    (response) => {
      noteAnswer(response)
      return response
    },
    (error: unknown) => {
      // A request given up by the app (a page left) says nothing about the network.
      if (!(error instanceof DOMException && error.name === 'AbortError')) noteNoAnswer()
      throw error
    },
  )
}

interface ProgressRequest {
  method: string
  headers: Record<string, string>
  body: FormData | string | undefined
  signal: AbortSignal | undefined
  onUploadProgress: (fraction: number) => void
}

/** What a responseless status may not carry: `new Response()` refuses a body for them. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

/**
 * fetch's job done with XMLHttpRequest, the one API that reports upload progress. It answers a
 * standard `Response`, so the 401 refresh and the error parsing above are the same for uploads.
 */
function sendWithProgress(url: string, { method, headers, body, signal, onUploadProgress }: ProgressRequest): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'))
      return
    }
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploadProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) onUploadProgress(1)
      const responseHeaders = new Headers()
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const colon = line.indexOf(':')
        if (colon > 0) responseHeaders.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
      }
      const status = xhr.status
      resolve(new Response(NULL_BODY_STATUSES.has(status) ? null : xhr.responseText, { status, headers: responseHeaders }))
    }
    // Like fetch, a network failure rejects with a TypeError (utils/error-message.ts words it).
    xhr.onerror = () => reject(new TypeError('The network request failed.'))
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(body ?? null)
  })
}

async function parse<T>(response: Response): Promise<T> {
  if (response.ok) {
    if (response.status === 204) return undefined as T
    const text = await response.text()
    return (text ? JSON.parse(text) : undefined) as T
  }
  throw await toApiError(response)
}

export async function toApiError(response: Response): Promise<ApiError> {
  let data: unknown = null
  try {
    data = await response.json()
  } catch {
    data = null
  }
  const retryAfter = Number(response.headers.get('Retry-After')) || null
  return errorFromBody(response.status, data, retryAfter)
}

export function errorFromBody(status: number, data: unknown, retryAfter: number | null = null): ApiError {
  const fieldErrors: FieldErrors = {}
  let message = defaultMessage(status, retryAfter)
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (key === 'detail' && typeof value === 'string') message = value
      else if (Array.isArray(value)) fieldErrors[key] = value.map(String)
      else if (typeof value === 'string') fieldErrors[key] = [value]
    }
    const general = fieldErrors.non_field_errors
    if (general?.[0]) message = general[0]
  }
  return new ApiError(status, message, fieldErrors, retryAfter)
}

function defaultMessage(status: number, retryAfter: number | null): string {
  if (status === 0) return 'The network seems to be down. Check your connection and try again.'
  if (status === 401) return 'Please sign in to continue.'
  if (status === 403) return 'You are not allowed to do that.'
  if (status === 404) return 'We could not find that.'
  if (status === 413) return 'That file is too large.'
  if (status === 429) return `Too many attempts. Try again in ${retryAfter ?? 60} seconds.`
  if (status >= 500) return 'Something went wrong on our side. Please try again.'
  return 'That did not work. Please check and try again.'
}

/**
 * Asks for a new access token with the refresh cookie. Concurrent callers share one request,
 * because the refresh token is rotated: a second parallel refresh would be refused.
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= (async () => {
    try {
      const response = await fetch(apiUrl('/auth/refresh/'), {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      })
      if (!response.ok) {
        accessToken = null
        return null
      }
      const data = (await response.json()) as { access: string }
      accessToken = data.access
      return data.access
    } catch {
      accessToken = null
      return null
    } finally {
      refreshing = null
    }
  })()
  return refreshing
}

/** Keeps only what the web app may hold from an auth answer: the user and the access token. */
export function acceptAuthResponse(data: AuthResponse & { refresh?: string }): AuthResponse {
  accessToken = data.access
  return { user: data.user, access: data.access }
}
