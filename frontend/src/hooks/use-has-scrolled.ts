import { useEffect, useState } from 'react'

/**
 * Whether the person has scrolled the page since it opened. Infinite lists wait for it, so
 * opening a page does not chain-load its next pages before anybody looks at them.
 */
export function useHasScrolled(): boolean {
  const [scrolled, setScrolled] = useState(() => typeof window !== 'undefined' && window.scrollY > 0)
  useEffect(() => {
    if (scrolled) return
    const onScroll = () => setScrolled(true)
    window.addEventListener('scroll', onScroll, { once: true, passive: true })
    return () => window.removeEventListener('scroll', onScroll)
  }, [scrolled])
  return scrolled
}
