export const commentKeys = {
  all: ['comments'] as const,
  lists: () => [...commentKeys.all, 'list'] as const,
  list: (productId: number) => [...commentKeys.lists(), productId] as const,
}
