import type { ReactNode } from 'react'
import { LogoMark } from '../../ui/logo'

export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="mx-auto max-w-md py-4 sm:py-10">
      <div className="rounded-[2rem] border border-line bg-surface p-6 shadow-sm sm:p-10">
        <LogoMark size={40} />
        <h1 className="font-display mt-5 text-3xl font-semibold">{title}</h1>
        {subtitle && <p className="mt-2 text-muted">{subtitle}</p>}
        <div className="mt-8">{children}</div>
      </div>
      {footer && <p className="mt-6 text-center text-sm text-muted">{footer}</p>}
    </div>
  )
}

/** Only a path of this site is a place to go back to after signing in. */
export function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/'
}
