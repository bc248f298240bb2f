import { matchPath } from 'react-router'

/**
 * The web app's product URLs, in one place: the route patterns (router.tsx), the links built
 * from them, and the recognition of a product page before the app renders (router.tsx preloads
 * its code, services/prefetch.ts its data). The server recognises the same path for link
 * previews in backend/webapp/views.py (`PRODUCT_PATH`).
 */
export const PRODUCT_ROUTE = 'products/:id/:slug?'
export const PRODUCT_EDIT_ROUTE = 'products/:id/edit'

export function productPath(product: { id: number; slug: string }): string {
  return `/products/${product.id}/${product.slug}`
}

/** A product's page by id alone (the page puts the slug in), optionally at an anchor. */
export function productPathById(id: number, anchor = ''): string {
  return `/products/${id}${anchor ? `#${anchor}` : ''}`
}

export function productEditPath(product: { id: number }): string {
  return `/products/${product.id}/edit`
}

/** The id of the product whose page `pathname` is (not its editor), or null. */
export function productIdOfPath(pathname: string): number | null {
  if (matchPath(`/${PRODUCT_EDIT_ROUTE}`, pathname)) return null
  const id = matchPath(`/${PRODUCT_ROUTE}`, pathname)?.params.id
  return id !== undefined && /^\d+$/.test(id) ? Number(id) : null
}
