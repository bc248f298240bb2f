import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { ImageVariants } from '../../types/models'
import { cn } from '../../utils/format'
import { ResponsiveImage } from './responsive-image'
import { ChevronLeftIcon, ChevronRightIcon } from './icons'

interface GalleryProps {
  images: string[]
  /** The smaller copies of each image, where the API lists them (same order as `images`). */
  variants?: (ImageVariants | null)[]
  title: string
}

/** How wide the slide is drawn: the product page's column (the page is 72rem at most, less the
 * 320px aside and the gaps), or the screen less its margins. backend/webapp/views.py preloads the
 * first image with the same value, so that the copy it fetches is the one the page then uses. */
export const GALLERY_SIZES = '(min-width: 1024px) 760px, calc(100vw - 2rem)'

const SWIPE_DISTANCE = 40

/** Images of a product: arrow keys or swipes move between them, thumbnails jump to one. */
export function Gallery({ images, variants = [], title }: GalleryProps) {
  const [index, setIndex] = useState(0)
  const start = useRef<number | null>(null)
  const count = images.length
  if (count === 0) return null
  const go = (next: number) => setIndex((next + count) % count)
  const shown = Math.min(index, count - 1)
  const current = images[shown] ?? ''

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight') {
      event.preventDefault()
      go(index + 1)
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault()
      go(index - 1)
    }
  }
  const onPointerDown = (event: PointerEvent) => {
    start.current = event.clientX
  }
  const onPointerUp = (event: PointerEvent) => {
    if (start.current === null) return
    const distance = event.clientX - start.current
    start.current = null
    if (Math.abs(distance) >= SWIPE_DISTANCE) go(index + (distance < 0 ? 1 : -1))
  }

  return (
    <section aria-roledescription="carousel" aria-label={`Images of ${title}`} className="space-y-3">
      {/* The slide takes the focus so that the arrow keys move the carousel (the WAI carousel
          pattern); the pointer handlers are its swipe, which the buttons below also offer. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="group"
        aria-roledescription="slide"
        aria-label={`Image ${index + 1} of ${count}. Use the arrow keys to move.`}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        className="relative aspect-video touch-pan-y overflow-hidden rounded-3xl border border-line bg-sunken select-none"
      >
        <ResponsiveImage
          key={current}
          src={current}
          variants={variants[shown]}
          alt={`${title}, ${index + 1} of ${count}`}
          width={1600}
          height={1000}
          sizes={GALLERY_SIZES}
          eager
          draggable={false}
          fetchPriority={index === 0 ? 'high' : 'auto'}
          className="h-full w-full object-contain"
        />
        {count > 1 && (
          <>
            <button
              type="button"
              onClick={() => go(index - 1)}
              aria-label="Previous image"
              className="absolute top-1/2 left-3 flex size-10 -translate-y-1/2 items-center justify-center rounded-full bg-surface/90 shadow hover:bg-surface"
            >
              <ChevronLeftIcon />
            </button>
            <button
              type="button"
              onClick={() => go(index + 1)}
              aria-label="Next image"
              className="absolute top-1/2 right-3 flex size-10 -translate-y-1/2 items-center justify-center rounded-full bg-surface/90 shadow hover:bg-surface"
            >
              <ChevronRightIcon />
            </button>
            <p className="absolute right-3 bottom-3 rounded-full bg-ink/75 px-2.5 py-1 text-xs font-semibold text-paper" aria-hidden="true">
              {index + 1} / {count}
            </p>
          </>
        )}
      </div>
      {count > 1 && (
        <ul className="flex gap-2 overflow-x-auto pb-1" aria-label="Choose an image">
          {images.map((image, position) => (
            <li key={`${image}-${position}`}>
              <button
                type="button"
                onClick={() => setIndex(position)}
                aria-label={`Show image ${position + 1}`}
                aria-current={position === index ? 'true' : undefined}
                className={cn(
                  'block overflow-hidden rounded-xl border-2',
                  position === index ? 'border-accent' : 'border-transparent opacity-70 hover:opacity-100',
                )}
              >
                <ResponsiveImage src={image} variants={variants[position]} alt="" width={96} height={60} sizes="96px" className="h-[60px] w-24 object-cover" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
