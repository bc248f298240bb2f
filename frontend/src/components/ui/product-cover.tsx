import type { Product } from '../../types/models'
import { cn } from '../../utils/format'
import { ResponsiveImage } from './responsive-image'

interface ProductCoverProps {
  product: Pick<Product, 'title' | 'image' | 'category'> & Partial<Pick<Product, 'image_variants'>>
  size: number
  className?: string
  eager?: boolean
}

/** The product's image, or its initial on the category's colour when it has none. */
export function ProductCover({ product, size, className, eager = false }: ProductCoverProps) {
  const classes = cn('shrink-0 rounded-2xl border border-line object-cover', className)
  if (product.image) {
    return (
      <ResponsiveImage
        src={product.image}
        variants={product.image_variants}
        alt=""
        width={size}
        height={size}
        sizes={`${size}px`}
        eager={eager}
        className={cn(classes, 'bg-sunken')}
        style={{ width: size, height: size }}
      />
    )
  }
  return (
    <span
      aria-hidden="true"
      className={cn(classes, 'font-display flex items-center justify-center font-semibold text-white')}
      style={{
        width: size,
        height: size,
        fontSize: size * 0.45,
        background: `linear-gradient(135deg, ${product.category.color || '#c2410c'}, #201a16)`,
      }}
    >
      {product.title.slice(0, 1).toUpperCase()}
    </span>
  )
}
