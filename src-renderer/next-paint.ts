/**
 * Resolves once the browser has painted the next frame: after the frame's requestAnimationFrame
 * callbacks, a task queued from there runs when that frame is done. A hidden window paints no
 * frames (and Electron throttles its timers), so `atMostMs` caps the wait.
 */
export function nextPaint(atMostMs = 100): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return resolve()
    const cap = setTimeout(resolve, atMostMs)
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        clearTimeout(cap)
        channel.port1.close()
        resolve()
      }
      channel.port2.postMessage(null)
    })
  })
}
