export const commentKeys = {
  all: ['comments'] as const,
  lists: () => [...commentKeys.all, 'list'] as const,
  list: (productId: number) => [...commentKeys.lists(), productId] as const,
  /**
   * The replies of a comment beyond those its discussion shows, from its `replies_next` link: under
   * the discussion's key, so every comment write refreshes them too, and keyed by that link, so a
   * discussion that now shows other replies starts them over instead of repeating or skipping one.
   */
  replies: (productId: number, commentId: number, repliesNext: string) =>
    [...commentKeys.list(productId), 'replies', commentId, repliesNext] as const,
}
