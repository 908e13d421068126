/**
 * The window's first screen painted (mount.tsx says so): work that would compete with it, such as
 * parsing a large session's next pages (store/connect.ts), waits for it. Once per window.
 */
let shown: () => void = () => undefined

export const firstScreen = new Promise<void>((resolve) => (shown = resolve))

export function firstScreenShown(): void {
  shown()
}
