/**
 * Draws the app once the first answers are in the store (store/connect.ts), so the first render
 * shows the rows in the editor's layout: rendered before, the window was drawn empty and then
 * again per answer, each time on the main thread the first row waits for. An answer that takes
 * longer than FIRST_RENDER_WAIT_MS does not hold the window blank: it is drawn, and fills in.
 */
import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { firstScreenShown } from './first-screen'
import { nextPaint } from './next-paint'

/** Main answers the first commands in milliseconds; a slower answer is a stuck or busy main. */
export const FIRST_RENDER_WAIT_MS = 1000

export async function mount(loaded: Promise<void>): Promise<void> {
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))])
  // Named in a Chrome trace (bench/grid-first-row.ts breaks the first row's time down by them).
  performance.mark('mi:first-answers')
  // In this task, not a later one: the answers are in, nothing else should come first.
  flushSync(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  )
  performance.mark('mi:first-render')
  await nextPaint()
  firstScreenShown()
}
