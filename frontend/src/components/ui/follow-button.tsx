import { useFollow } from '../../services/users/follow-user'
import { useSession } from '../../hooks/use-session'
import type { PublicUser } from '../../types/models'
import { Button } from './button'

interface FollowButtonProps {
  user: Pick<PublicUser, 'id' | 'username' | 'is_following' | 'followers_count'>
  size?: 'sm' | 'md'
}

/** Hidden on your own profile: following yourself is refused by the API anyway. */
export function FollowButton({ user, size = 'md' }: FollowButtonProps) {
  const { user: me, requireUser } = useSession()
  const follow = useFollow()
  if (me?.id === user.id) return null
  const following = user.is_following
  return (
    <Button
      variant={following ? 'secondary' : 'primary'}
      size={size}
      aria-pressed={following}
      aria-label={`${following ? 'Following' : 'Follow'} ${user.username}`}
      onClick={() => {
        if (!requireUser()) return
        follow.mutate({ id: user.id, username: user.username, following: !following, count: user.followers_count })
      }}
    >
      {following ? 'Following' : 'Follow'}
    </Button>
  )
}
