import { Link } from 'react-router'

/** The mark is a shop window with its lamp on: Vitrin means "showcase". */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="9" fill="var(--accent)" />
      <path d="M9 25V14a7 7 0 0 1 14 0v11" fill="none" stroke="var(--on-accent)" strokeWidth="2.6" strokeLinecap="round" />
      <path d="M6 25h20" stroke="var(--on-accent)" strokeWidth="2.6" strokeLinecap="round" />
      <circle cx="16" cy="15.5" r="2.6" fill="#fde68a" />
    </svg>
  )
}

export function Logo() {
  return (
    <Link to="/" className="flex items-center gap-2 rounded-lg" aria-label="Vitrin, home">
      <LogoMark />
      <span className="font-display text-2xl font-semibold tracking-tight">vitrin</span>
    </Link>
  )
}
