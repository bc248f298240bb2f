import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ImageVariants } from '../../types/models'
import { ProductCover } from './product-cover'
import { ResponsiveImage } from './responsive-image'
import { makeProduct } from '../../test/factories'

const VARIANTS: ImageVariants = {
  width: 4000,
  height: 3000,
  sources: [
    { type: 'image/avif', srcset: '/m/a.w160.avif 160w, /m/a.w480.avif 480w, /m/a.w1280.avif 1280w' },
    { type: 'image/webp', srcset: '/m/a.w160.webp 160w, /m/a.w480.webp 480w, /m/a.w1280.webp 1280w' },
    { type: 'image/jpeg', srcset: '/m/a.w160.jpg 160w, /m/a.w480.jpg 480w, /m/a.w1280.jpg 1280w' },
  ],
  fallback: '/m/a.w1280.jpg',
}

describe('a responsive image', () => {
  it('offers the compact formats as sources and the JPEG copies on the img, all with the size it is drawn at', () => {
    const { container } = render(<ResponsiveImage src="/m/a.jpg" variants={VARIANTS} alt="Lamp" width={72} height={72} sizes="72px" />)

    const sources = [...container.querySelectorAll('picture > source')].map((source) => ({
      type: source.getAttribute('type'),
      srcset: source.getAttribute('srcset'),
      sizes: source.getAttribute('sizes'),
    }))
    expect(sources).toEqual([
      { type: 'image/avif', srcset: VARIANTS.sources[0]?.srcset, sizes: '72px' },
      { type: 'image/webp', srcset: VARIANTS.sources[1]?.srcset, sizes: '72px' },
    ])
    const img = container.querySelector('picture > img')
    expect(img).toHaveAttribute('src', '/m/a.w1280.jpg')
    expect(img).toHaveAttribute('srcset', VARIANTS.sources[2]?.srcset)
    expect(img).toHaveAttribute('sizes', '72px')
    expect(img).toHaveAttribute('width', '72')
    expect(img).toHaveAttribute('height', '72')
    expect(img).toHaveAttribute('alt', 'Lamp')
    expect(img).toHaveAttribute('loading', 'lazy')
    expect(container.querySelector('picture')).toHaveClass('contents')
  })

  it('loads at once when asked to (the first rows, the largest image of a page)', () => {
    const { container } = render(<ResponsiveImage src="/m/a.jpg" variants={VARIANTS} alt="" width={96} height={96} sizes="96px" eager fetchPriority="high" />)

    const img = container.querySelector('img')
    expect(img).toHaveAttribute('loading', 'eager')
    expect(img).toHaveAttribute('fetchpriority', 'high')
  })

  it('shows the image itself when it has no smaller copies (an outside address, a demo image)', () => {
    const { container } = render(<ResponsiveImage src="https://images.example/lamp.png" variants={null} alt="" width={44} height={44} sizes="44px" />)

    expect(container.querySelector('picture')).toBeNull()
    const img = container.querySelector('img')
    expect(img).toHaveAttribute('src', 'https://images.example/lamp.png')
    expect(img).not.toHaveAttribute('srcset')
    expect(img).toHaveAttribute('width', '44')
  })

  it('is what a product cover draws, at the cover’s size', () => {
    const { container } = render(<ProductCover product={makeProduct({ image: '/m/a.jpg', image_variants: VARIANTS })} size={72} />)

    expect(container.querySelector('picture > img')).toHaveAttribute('sizes', '72px')
    expect(container.querySelectorAll('picture > source')).toHaveLength(2)
  })
})
