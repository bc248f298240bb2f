import { lazy, type ComponentType } from 'react'
import { useRoutes, type RouteObject } from 'react-router'
import { HomePage } from './components/pages/home/home-page'
import { AppLayout } from './components/pages/layout/app-layout'
import { PRODUCT_EDIT_ROUTE, PRODUCT_ROUTE, productIdOfPath } from './paths'

// The home page ships in the first bundle; every other page is its own chunk, fetched on demand.
const loadProductPage = () => import('./components/pages/product/product-page')
const LazyProductPage = lazy(loadProductPage)
let loadedProductPage: ComponentType | null = null

/**
 * A product page opened directly (a shared link) fetches its code at once, and the app's first
 * render waits for it (main.tsx): the page then renders without suspending, instead of showing a
 * fallback that React keeps up for at least 300 ms once shown. Other first pages: at once.
 */
export const firstPageReady: Promise<void> =
  productIdOfPath(window.location.pathname) === null
    ? Promise.resolve()
    : loadProductPage().then(
        (module) => {
          loadedProductPage = module.default
        },
        () => undefined, // the lazy page retries, and shows the route's error if it fails again
      )

function ProductPage() {
  const Loaded = loadedProductPage
  return Loaded ? <Loaded /> : <LazyProductPage />
}
const ProductEditorPage = lazy(() => import('./components/pages/submit/product-editor-page'))
const CategoriesPage = lazy(() => import('./components/pages/categories/categories-page'))
const CategoryPage = lazy(() => import('./components/pages/categories/category-page'))
const SearchPage = lazy(() => import('./components/pages/search/search-page'))
const LoginPage = lazy(() => import('./components/pages/auth/login-page'))
const RegisterPage = lazy(() => import('./components/pages/auth/register-page'))
const PasswordResetPage = lazy(() => import('./components/pages/auth/password-reset-page'))
const PasswordResetConfirmPage = lazy(() => import('./components/pages/auth/password-reset-confirm-page'))
const EmailVerifyPage = lazy(() => import('./components/pages/auth/email-verify-page'))
const PasswordChangePage = lazy(() => import('./components/pages/auth/password-change-page'))
const ProfilePage = lazy(() => import('./components/pages/profile/profile-page'))
const ProfileEditPage = lazy(() => import('./components/pages/profile/profile-edit-page'))
const NotificationsPage = lazy(() => import('./components/pages/notifications/notifications-page'))
const OwnProductsPage = lazy(() => import('./components/pages/own-products/own-products-page'))
const NotFoundPage = lazy(() => import('./components/pages/not-found/not-found-page'))

export const routes: RouteObject[] = [
  {
    Component: AppLayout,
    children: [
      { index: true, Component: HomePage },
      { path: PRODUCT_EDIT_ROUTE, Component: ProductEditorPage },
      { path: PRODUCT_ROUTE, Component: ProductPage },
      { path: 'submit', Component: ProductEditorPage },
      { path: 'categories', Component: CategoriesPage },
      { path: 'categories/:slug', Component: CategoryPage },
      { path: 'search', Component: SearchPage },
      { path: 'login', Component: LoginPage },
      { path: 'register', Component: RegisterPage },
      { path: 'password/reset', Component: PasswordResetPage },
      { path: 'password/reset/confirm', Component: PasswordResetConfirmPage },
      { path: 'password/reset/:uid/:token', Component: PasswordResetConfirmPage },
      { path: 'reset-password', Component: PasswordResetConfirmPage },
      { path: 'verify-email', Component: EmailVerifyPage },
      { path: 'settings/password', Component: PasswordChangePage },
      { path: 'settings/profile', Component: ProfileEditPage },
      { path: 'users/:username', Component: ProfilePage },
      { path: 'users/:username/:tab', Component: ProfilePage },
      { path: 'notifications', Component: NotificationsPage },
      { path: 'me/products', Component: OwnProductsPage },
      { path: '*', Component: NotFoundPage },
    ],
  },
]

/** Declarative routes (not a data router): the app fetches with React Query, not loaders. */
export function AppRoutes() {
  return useRoutes(routes)
}
