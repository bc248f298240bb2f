import { describe, expect, it } from 'vitest'
import { productEditPath, productIdOfPath, productPath, productPathById } from './paths'

describe('product paths', () => {
  it('recognises the product pages that productPath builds', () => {
    expect(productIdOfPath(productPath({ id: 42, slug: 'notepath' }))).toBe(42)
    expect(productIdOfPath(productPathById(42))).toBe(42)
    expect(productIdOfPath('/products/42/')).toBe(42)
  })

  it('does not take the editor, a non-numeric id or another page for a product page', () => {
    expect(productIdOfPath(productEditPath({ id: 42 }))).toBeNull()
    expect(productIdOfPath('/products/new/')).toBeNull()
    expect(productIdOfPath('/products/42/slug/extra')).toBeNull()
    expect(productIdOfPath('/users/42')).toBeNull()
  })

  it('puts an anchor after the id', () => {
    expect(productPathById(7, 'comment-3')).toBe('/products/7#comment-3')
  })
})
