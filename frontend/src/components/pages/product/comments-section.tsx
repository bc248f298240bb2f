import { Link, useLocation } from 'react-router'
import { loginPath, useSession } from '../../../hooks/use-session'
import { useComments } from '../../../services/comments/get-comments'
import { useCreateComment } from '../../../services/comments/create-comment'
import { flattenPages } from '../../../services/paginate'
import type { Product } from '../../../types/models'
import { LazyCommentForm as CommentForm } from '../../forms/lazy-comment-form'
import { LoadMore } from '../../ui/load-more'
import { Skeleton } from '../../ui/skeleton'
import { CommentThread } from './comment-thread'

export function CommentsSection({ product }: { product: Product }) {
  const { status } = useSession()
  const location = useLocation()
  const comments = useComments(product.id)
  const create = useCreateComment(product.id)
  const list = flattenPages(comments.data)
  return (
    <section aria-labelledby="discussion-heading" className="mt-12 border-t border-line pt-8">
      <h2 id="discussion-heading" className="font-display text-2xl font-semibold">
        Discussion <span className="text-muted">({product.comment_count})</span>
      </h2>
      <div className="mt-4">
        {status === 'authenticated' ? (
          <CommentForm
            label="What do you think of it?"
            submitLabel="Comment"
            onSubmit={(content) => create.mutateAsync({ content })}
          />
        ) : (
          <p className="rounded-2xl border border-dashed border-line px-4 py-4 text-sm text-muted">
            <Link to={loginPath(location)} className="font-semibold text-accent hover:underline">
              Log in
            </Link>{' '}
            to join the discussion.
          </p>
        )}
      </div>
      <div className="mt-6">
        {comments.isPending ? (
          <div className="space-y-4" role="status" aria-label="Loading comments">
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : list.length === 0 ? (
          <p className="text-sm text-muted">No comments yet. Ask the maker something.</p>
        ) : (
          <ul className="space-y-6">
            {list.map((comment) => (
              <li key={comment.id}>
                <CommentThread comment={comment} productId={product.id} depth={0} />
              </li>
            ))}
          </ul>
        )}
        <LoadMore
          hasMore={comments.hasNextPage}
          loading={comments.isFetchingNextPage}
          onLoad={() => void comments.fetchNextPage()}
          label="More comments"
        />
      </div>
    </section>
  )
}
