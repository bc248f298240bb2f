import { useDocumentTitle } from '../../../hooks/use-document-title'
import { ButtonLink } from '../../ui/button'

/** The body of every "not found": an unknown path, a missing product, a draft that is not yours. */
export function NotFoundContent({ what = 'page' }: { what?: string }) {
  useDocumentTitle('Not found')
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="font-display text-8xl font-semibold text-accent" aria-hidden="true">
        404
      </p>
      <h1 className="font-display mt-4 text-3xl font-semibold">This {what} is not in the window</h1>
      <p className="mt-3 text-muted">
        It may have been taken down, kept as a draft by its maker, or the link may have a typo.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <ButtonLink to="/">See today's launches</ButtonLink>
        <ButtonLink to="/search" variant="secondary">
          Search products
        </ButtonLink>
      </div>
    </div>
  )
}

export default function NotFoundPage() {
  return <NotFoundContent />
}
