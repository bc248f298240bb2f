import type { ImageVariants } from '../../types/models'
import { cn, displayName, initials } from '../../utils/format'
import { ResponsiveImage } from './responsive-image'

interface AvatarProps {
  user: { username: string; first_name: string; last_name: string; avatar: string | null; avatar_variants?: ImageVariants | null }
  size?: number
  className?: string
}

const TINTS = ['#c2410c', '#8a5a12', '#0f766e', '#7c3aed', '#be185d', '#1d4ed8', '#4d7c0f']

function tintOf(username: string): string {
  let hash = 0
  for (const char of username) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return TINTS[hash % TINTS.length] ?? '#c2410c'
}

export function Avatar({ user, size = 40, className }: AvatarProps) {
  const style = { width: size, height: size }
  if (user.avatar) {
    return (
      <ResponsiveImage
        src={user.avatar}
        variants={user.avatar_variants}
        alt=""
        width={size}
        height={size}
        sizes={`${size}px`}
        className={cn('shrink-0 rounded-full bg-sunken object-cover', className)}
        style={style}
      />
    )
  }
  return (
    <span
      aria-hidden="true"
      title={displayName(user)}
      className={cn('inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white', className)}
      style={{ ...style, background: tintOf(user.username), fontSize: Math.max(11, size * 0.38) }}
    >
      {initials(user)}
    </span>
  )
}
