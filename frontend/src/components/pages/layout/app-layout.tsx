import { Suspense, useEffect } from 'react'
import { NavigationType, Outlet, useLocation, useNavigationType } from 'react-router'
import { SessionProvider } from '../../../hooks/use-session'
import { EmailVerificationBanner } from '../../ui/email-verification-banner'
import { ErrorBoundary } from '../../ui/error-boundary'
import { OfflineNotice } from '../../ui/offline-notice'
import { SiteFooter } from '../../ui/site-footer'
import { SiteHeader } from '../../ui/site-header'
import { UpdatePrompt } from '../../ui/update-prompt'
import { PageSkeleton } from './page-skeleton'

export function AppLayout() {
  const location = useLocation()
  const navigationType = useNavigationType()
  // A new page starts at its top (Back and Forward keep the browser's own scroll position),
  // and a link to an anchor (a comment) scrolls to it once it is rendered.
  useEffect(() => {
    if (location.hash) {
      const target = location.hash.slice(1)
      const timer = window.setInterval(() => {
        const element = document.getElementById(target)
        if (element) {
          element.scrollIntoView({ block: 'center' })
          window.clearInterval(timer)
        }
      }, 200)
      const stop = window.setTimeout(() => window.clearInterval(timer), 5000)
      return () => {
        window.clearInterval(timer)
        window.clearTimeout(stop)
      }
    }
    if (navigationType !== NavigationType.Pop) window.scrollTo(0, 0)
    return undefined
  }, [location.pathname, location.hash, navigationType])
  return (
    <SessionProvider>
      <a
        href="#main"
        className="sr-only z-50 rounded-full bg-accent px-4 py-2 font-semibold text-on-accent focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <SiteHeader />
      <OfflineNotice />
      <EmailVerificationBanner />
      <main id="main" tabIndex={-1} className="mx-auto min-h-screen max-w-6xl px-4 pt-6 pb-10 focus:outline-none sm:pt-10">
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <SiteFooter />
      <UpdatePrompt />
    </SessionProvider>
  )
}
