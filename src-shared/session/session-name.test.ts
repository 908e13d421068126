import { describe, expect, it } from 'vitest'
import { droppedOf, NOTHING_DROPPED, sessionName, whatWasDropped, whenInWords } from './session-name'

// Local times, as the editor reads the clock (the names are in the computer's time zone).
const created = new Date(2026, 11, 7, 23, 11, 8).toISOString()
const now = new Date(2026, 11, 8, 9, 0)

describe('session names', () => {
  it('name a session after what was dropped first, and when', () => {
    const shoot = droppedOf(['Harbour shoot/DSC_0412.jpg', 'Harbour shoot/sub/DSC_0413.jpg'])
    expect(sessionName(undefined, shoot, created, 'id', now)).toBe('Harbour shoot · 7 Dec 23:11')
    const more = droppedOf(['Harbour shoot/a.jpg', 'Fish market/b.jpg', 'loose.jpg', 'Docks/c.jpg'])
    expect(whatWasDropped(more)).toBe('Harbour shoot + 3 more')
    expect(whatWasDropped(droppedOf(['a.jpg', 'b.jpg', 'c.jpg']))).toBe('3 files')
    expect(whatWasDropped(droppedOf(['DSC_0417.jpg']))).toBe('DSC_0417.jpg')
    expect(whatWasDropped(droppedOf(['a.jpg', 'b.jpg', 'Shoot/c.jpg']))).toBe('2 files + 1 more')
  })

  it('keep the editor’s own name, and say when for a session nothing was dropped into yet', () => {
    expect(sessionName('Royal visit', droppedOf(['Shoot/a.jpg']), created, 'id', now)).toBe('Royal visit')
    expect(sessionName(undefined, NOTHING_DROPPED, created, 'id', now)).toBe('New import · 7 Dec 23:11')
    // An unreadable session has no date: its folder's id, which is all there is.
    expect(sessionName(undefined, NOTHING_DROPPED, '', '2026-12-07T23-11-08-sandbox', now)).toBe(
      '2026-12-07T23-11-08-sandbox',
    )
  })

  it('say the year only when it is not this year', () => {
    expect(whenInWords(new Date(2025, 0, 3, 8, 5).toISOString(), now)).toBe('3 Jan 2025 08:05')
    expect(whenInWords('not a date', now)).toBe('')
  })
})
