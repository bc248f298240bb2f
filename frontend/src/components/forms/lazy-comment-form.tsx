import { lazy, Suspense, type ComponentProps } from 'react'
import { Skeleton } from '../ui/skeleton'

// The comment form brings the form and validation libraries: loaded only when somebody writes.
const CommentForm = lazy(() => import('./comment-form'))

export function LazyCommentForm(props: ComponentProps<typeof CommentForm>) {
  return (
    <Suspense fallback={<Skeleton className="h-[7.5rem] rounded-2xl" />}>
      <CommentForm {...props} />
    </Suspense>
  )
}
