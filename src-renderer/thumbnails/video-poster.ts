/**
 * A video's poster frame drawn by the window's own Chromium, for main to keep as the row's
 * thumbnail where ffmpeg is missing (editors' Macs and PCs have none). The video is read by
 * row id (media-file-url.ts; main decides which file that is), seeked to 10 % of
 * its length (at most 1 s, as main's ffmpeg path does), drawn on a canvas no larger than
 * `edge`, and sent as a PNG data URL; main decodes and re-encodes it (storePosterFrame).
 */
const timeoutMs = 20_000

export function drawPosterFrame(src: string, duration: number | undefined, edge: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const video = document.createElement('video')
    video.muted = true
    video.preload = 'auto'
    // media-file: answers this window's origin only (over HTTP it is same-origin); without CORS
    // the canvas could not be read back.
    video.crossOrigin = 'anonymous'
    const finish = (settle: () => void): void => {
      clearTimeout(timer)
      video.removeAttribute('src')
      video.load()
      settle()
    }
    // Only called from events, which come after this line has run.
    const timer = setTimeout(() => finish(() => reject(new Error('the video did not load in time'))), timeoutMs)
    const draw = (): void => {
      const width = video.videoWidth
      const height = video.videoHeight
      if (!width || !height) return finish(() => reject(new Error('the video has no picture')))
      const scale = Math.min(1, edge / Math.max(width, height))
      const canvas = document.createElement('canvas')
      canvas.width = Math.max(1, Math.round(width * scale))
      canvas.height = Math.max(1, Math.round(height * scale))
      const context = canvas.getContext('2d')
      if (!context) return finish(() => reject(new Error('no canvas to draw on')))
      context.drawImage(video, 0, 0, canvas.width, canvas.height)
      const url = canvas.toDataURL('image/png')
      finish(() => resolve(url))
    }
    video.addEventListener('error', () =>
      finish(() => reject(new Error(video.error?.message || 'this window cannot play the video'))),
    )
    video.addEventListener(
      'loadeddata',
      () => {
        const length = Number.isFinite(video.duration) ? video.duration : (duration ?? 0)
        const at = Math.min(1, length * 0.1)
        if (at <= 0) return draw()
        video.addEventListener('seeked', draw, { once: true })
        video.currentTime = at
      },
      { once: true },
    )
    video.src = src
  })
}
