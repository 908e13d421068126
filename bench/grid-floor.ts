/**
 * The floor of bench:grid's edit-to-paint measure in this browser: the same probe (from the Enter
 * keydown's timestamp to the first frame painted after the DOM shows the value) on a bare page
 * whose input writes its text into a div on Enter, with no framework and no grid. Nothing the app
 * does can paint sooner than this page; a frame is ~16.7 ms here, so its p95 sits near one frame.
 */
import type { Browser } from 'playwright'

const PAGE = `<!doctype html><input id="i"><div id="out"></div><script>
window.__floor = []
const input = document.getElementById('i')
const out = document.getElementById('out')
input.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return
  const started = event.timeStamp
  out.textContent = input.value
  input.value = ''
  // After the next frame is painted, as the grid's probe: rAF runs before paint, a message posted from it after.
  requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => window.__floor.push(performance.now() - started)
    channel.port2.postMessage(null)
  })
})
</script>`

export async function measureFloor(browser: Browser, edits: number): Promise<number[]> {
  const page = await browser.newPage()
  try {
    await page.setContent(PAGE)
    await page.focus('#i')
    for (let i = 0; i < edits; i++) {
      await page.keyboard.type(`Edited ${i}`)
      await page.keyboard.press('Enter')
      await page.waitForFunction((n) => (window as unknown as { __floor: number[] }).__floor.length > n, i)
    }
    return await page.evaluate(() => (window as unknown as { __floor: number[] }).__floor)
  } finally {
    await page.close()
  }
}
