import type { CSSProperties } from 'react'
import type { ImageVariants } from '../../types/models'

interface ResponsiveImageProps {
  src: string
  /** The smaller copies the API lists beside the image; null or absent: the image itself is shown. */
  variants?: ImageVariants | null
  alt: string
  /** The box the image is drawn in, in CSS pixels: set on the <img> so the page keeps its layout while it loads. */
  width: number
  height: number
  /** How wide the image is drawn, as the HTML `sizes` attribute: the browser picks the copy from it. */
  sizes: string
  /** Lazy below the fold; the first rows and the page's largest image load at once. */
  eager?: boolean
  fetchPriority?: 'high' | 'low' | 'auto'
  className?: string
  style?: CSSProperties
  draggable?: boolean
}

/**
 * An uploaded image at the size it is drawn: a <picture> with one <source> per compact format
 * (AVIF, WebP) and the JPEG or PNG copies on the <img>, which every browser reads. The picture
 * is `display: contents`, so the <img> stays the flex or grid item its parent styles.
 */
export function ResponsiveImage({ src, variants, alt, width, height, sizes, eager = false, fetchPriority, className, style, draggable }: ResponsiveImageProps) {
  // Loading and sizes come before the sources: a browser reading `src` first may fetch it at once.
  const common = {
    width,
    height,
    loading: eager ? ('eager' as const) : ('lazy' as const),
    decoding: 'async' as const,
    fetchPriority,
    className,
    style,
    draggable,
  }
  const fallback = variants?.sources.at(-1)
  if (!variants || !fallback) return <img {...common} alt={alt} src={src} />
  return (
    <picture className="contents">
      {variants.sources.slice(0, -1).map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcset} sizes={sizes} />
      ))}
      <img {...common} alt={alt} sizes={sizes} srcSet={fallback.srcset} src={variants.fallback} />
    </picture>
  )
}
