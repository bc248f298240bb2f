export type FollowList = 'followers' | 'following'

export const userKeys = {
  all: ['users'] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (username: string) => [...userKeys.details(), username] as const,
  follows: (username: string, list: FollowList) => [...userKeys.all, list, username] as const,
}
