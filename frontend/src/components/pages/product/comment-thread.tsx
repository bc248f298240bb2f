import { useState } from 'react'
import { useSession } from '../../../hooks/use-session'
import { useCreateComment } from '../../../services/comments/create-comment'
import { useDeleteComment } from '../../../services/comments/delete-comment'
import { useMoreReplies } from '../../../services/comments/get-replies'
import { useUpdateComment } from '../../../services/comments/update-comment'
import { flattenPages } from '../../../services/paginate'
import type { Comment } from '../../../types/models'
import { timeAgo } from '../../../utils/dates'
import { plural } from '../../../utils/format'
import { LazyCommentForm as CommentForm } from '../../forms/lazy-comment-form'
import { Avatar } from '../../ui/avatar'
import { PlainText } from '../../ui/rich-text'
import { UserLink } from '../../ui/user-link'

/** Threads deeper than this start collapsed, so a long back-and-forth does not squeeze the page. */
const OPEN_DEPTH = 3

function countReplies(comment: Comment): number {
  return comment.replies.reduce((total, reply) => total + 1 + countReplies(reply), 0)
}

interface CommentThreadProps {
  comment: Comment
  productId: number
  depth: number
}

/**
 * The replies shown under a comment: the first few that came with the discussion, then those loaded
 * from its `replies_next` link, page by page, when the reader asks for them.
 */
function useReplies(comment: Comment, productId: number) {
  const [requested, setRequested] = useState(false)
  const more = useMoreReplies(productId, comment, requested)
  const inline = new Set(comment.replies.map((reply) => reply.id))
  const replies = [...comment.replies, ...flattenPages(more.data).filter((reply) => !inline.has(reply.id))]
  // Until the first page has come (or while it failed), the button stays: it shows the loading or the retry.
  const hasMore = comment.replies_next !== null && (!requested || !more.data || more.hasNextPage)
  return {
    replies,
    hasMore,
    remaining: Math.max(0, comment.reply_count - replies.length),
    loading: requested && more.isFetching,
    failed: requested && more.isError,
    loadMore: () => {
      if (!requested) setRequested(true)
      else if (more.isError && !more.data) void more.refetch()
      else void more.fetchNextPage()
    },
  }
}

export function CommentThread({ comment, productId, depth }: CommentThreadProps) {
  const { user, requireUser } = useSession()
  const [mode, setMode] = useState<'read' | 'reply' | 'edit' | 'confirm-delete'>('read')
  const [expanded, setExpanded] = useState(depth + 1 < OPEN_DEPTH)
  const create = useCreateComment(productId)
  const update = useUpdateComment(productId)
  const remove = useDeleteComment(productId)
  const { replies, hasMore, remaining, loading, failed, loadMore } = useReplies(comment, productId)
  const own = user?.id === comment.author.id
  const edited = new Date(comment.updated_at).getTime() - new Date(comment.created_at).getTime() > 60_000
  const hidden = countReplies(comment)
  const action = 'text-xs font-semibold text-muted hover:text-accent'
  const open = expanded || replies.length === 0

  return (
    <div id={`comment-${comment.id}`} className="scroll-mt-24">
      {comment.is_deleted ? (
        <p className="py-2 text-sm text-muted italic">This comment was deleted.</p>
      ) : (
        <div className="flex gap-3">
          <Avatar user={comment.author} size={36} />
          <div className="min-w-0 flex-1">
            <p className="text-sm">
              <UserLink user={comment.author} />{' '}
              <span className="text-muted">
                · <time dateTime={comment.created_at}>{timeAgo(comment.created_at)}</time>
                {edited && ' · edited'}
              </span>
            </p>
            {mode === 'edit' ? (
              <div className="mt-2">
                <CommentForm
                  label="Edit your comment"
                  submitLabel="Save"
                  initial={comment.content}
                  autoFocus
                  onSubmit={async (content) => {
                    await update.mutateAsync({ id: comment.id, content })
                    setMode('read')
                  }}
                  onCancel={() => setMode('read')}
                />
              </div>
            ) : (
              <PlainText text={comment.content} className="mt-1 text-sm leading-relaxed break-words" />
            )}
            {mode !== 'edit' && (
              <div className="mt-1.5 flex flex-wrap items-center gap-3">
                <button type="button" className={action} onClick={() => requireUser() && setMode('reply')}>
                  Reply
                </button>
                {own && (
                  <>
                    <button type="button" className={action} onClick={() => setMode('edit')}>
                      Edit
                    </button>
                    {mode === 'confirm-delete' ? (
                      <span className="flex items-center gap-2 text-xs">
                        Delete this comment?
                        <button
                          type="button"
                          className="font-semibold text-danger hover:underline"
                          onClick={() => remove.mutate(comment.id)}
                        >
                          Delete
                        </button>
                        <button type="button" className={action} onClick={() => setMode('read')}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <button type="button" className={action} onClick={() => setMode('confirm-delete')}>
                        Delete
                      </button>
                    )}
                  </>
                )}
              </div>
            )}
            {mode === 'reply' && (
              <div className="mt-3">
                <CommentForm
                  label={`Reply to ${comment.author.username}`}
                  submitLabel="Post reply"
                  autoFocus
                  onSubmit={async (content) => {
                    await create.mutateAsync({ content, parent: comment.id })
                    setMode('read')
                    setExpanded(true)
                  }}
                  onCancel={() => setMode('read')}
                />
              </div>
            )}
          </div>
        </div>
      )}
      {replies.length > 0 &&
        (expanded ? (
          <ul className="mt-4 space-y-4 border-l-2 border-line pl-4 sm:ml-4 sm:pl-5">
            {replies.map((reply) => (
              <li key={reply.id}>
                <CommentThread comment={reply} productId={productId} depth={depth + 1} />
              </li>
            ))}
          </ul>
        ) : (
          <button
            type="button"
            aria-expanded={false}
            onClick={() => setExpanded(true)}
            className="mt-2 ml-12 text-sm font-semibold text-accent hover:underline"
          >
            Show {plural(hidden, 'more reply', 'more replies')}
          </button>
        ))}
      {open && hasMore && (
        <div className="mt-2 ml-12 flex flex-wrap items-center gap-3 text-sm">
          <button
            type="button"
            disabled={loading}
            aria-busy={loading}
            onClick={() => {
              setExpanded(true)
              loadMore()
            }}
            className="font-semibold text-accent hover:underline disabled:opacity-60"
          >
            {loading
              ? 'Loading replies…'
              : failed
                ? 'Try again'
                : remaining > 0
                  ? plural(remaining, 'more reply', 'more replies')
                  : 'More replies'}
          </button>
          {failed && !loading && (
            <span role="alert" className="text-danger">
              The replies could not be loaded.
            </span>
          )}
        </div>
      )}
    </div>
  )
}
