/**
 * The objects of the API, named as the web app uses them. Every one is the type generated from
 * the backend's OpenAPI schema (api.ts), so a change of the API shows up here as a type error.
 */
import type { components } from './api'

type Schemas = components['schemas']

export type PublicUser = Schemas['UserPublic']
export type Me = Schemas['Me']
export type Category = Schemas['Category']
export type Product = Schemas['Product']
export type LaunchDays = Schemas['LaunchDays']
export type ProductStatus = Schemas['ProductStatusEnum']
export type SearchResult = Schemas['ProductSearchResult']
export type HighlightSegment = Schemas['HighlightSegment']
export type Comment = Schemas['Comment']
export type Notification = Schemas['Notification']
export type Upload = Schemas['Upload']
export type ImageVariants = Schemas['ImageVariants']

export interface Page<T> {
  next: string | null
  previous: string | null
  results: T[]
}

/** What the web app keeps of a login, registration or Google sign-in (never the refresh token). */
export interface AuthResponse {
  user: Me
  access: string
}

export type ProductOrdering = 'hot' | 'new' | 'top'
export type SearchOrdering = 'relevance' | 'new' | 'top'
