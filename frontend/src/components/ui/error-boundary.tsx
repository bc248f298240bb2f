import { QueryErrorResetBoundary } from '@tanstack/react-query'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { ApiError } from '../../services/api'
import { ErrorState } from './states'

interface BoundaryProps {
  children: ReactNode
  onReset: () => void
  resetKey?: string
}

interface BoundaryState {
  error: unknown
}

/**
 * A page's own query that failed (thrown here by `throwOnError`) looks as it did when the page
 * drew the error itself; anything else is a bug in rendering.
 */
function failedTitle(error: unknown): string {
  return error instanceof ApiError || error instanceof TypeError ? 'This did not load' : 'This part of the page failed'
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null }

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error }
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.error !== null && previous.resetKey !== this.props.resetKey) this.setState({ error: null })
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    if (import.meta.env.DEV) console.warn('Rendering failed', error, info.componentStack)
  }

  reset = () => {
    this.props.onReset()
    this.setState({ error: null })
  }

  override render() {
    if (this.state.error !== null) {
      return (
        <div className="py-10">
          <ErrorState error={this.state.error} title={failedTitle(this.state.error)} onRetry={this.reset} />
        </div>
      )
    }
    return this.props.children
  }
}

/**
 * Catches a failed render or query below it and offers to retry; resets when `resetKey` changes.
 * "Try again" also resets the queries that threw (`QueryErrorResetBoundary`), so they fetch again.
 */
export function ErrorBoundary({ children, resetKey }: { children: ReactNode; resetKey?: string }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Boundary onReset={reset} {...(resetKey === undefined ? {} : { resetKey })}>
          {children}
        </Boundary>
      )}
    </QueryErrorResetBoundary>
  )
}
