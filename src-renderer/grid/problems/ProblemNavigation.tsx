/**
 * F8 / Shift+F8 for the whole window, and the polite live region that says where they went
 * (problem-nav.ts). Rendered once, next to the grid.
 */
import { useEffect } from 'react'
import { onProblemKey, useProblemNav } from './problem-nav'

export function ProblemNavigation() {
  const said = useProblemNav((s) => s.said)
  useEffect(() => {
    window.addEventListener('keydown', onProblemKey)
    return () => window.removeEventListener('keydown', onProblemKey)
  }, [])
  return (
    <span className="sr-only" role="status" aria-live="polite" data-testid="problem-said">
      {said}
    </span>
  )
}
