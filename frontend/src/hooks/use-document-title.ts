import { useEffect } from 'react'

export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · Vitrin`
    else document.title = 'Vitrin — the showcase for new products'
  }, [title])
}
