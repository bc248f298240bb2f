import { useEffect, useRef } from 'react'
import { useLatest } from './use-latest'

/** Calls `onEnter` each time the returned element scrolls into view (near the bottom edge). */
export function useInView<T extends Element>(onEnter: () => void, enabled = true) {
  const ref = useRef<T | null>(null)
  const callback = useLatest(onEnter)
  useEffect(() => {
    const element = ref.current
    if (!element || !enabled || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current()
      },
      { rootMargin: '400px 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [enabled, callback])
  return ref
}
