import { describe, expect, it } from 'vitest'
import { terminalLines, terminalText } from './terminal-text'

describe('terminalText', () => {
  it('shows escape sequences, CR, line breaks and C1 controls as visible escapes', () => {
    expect(terminalText('red\x1b[31m.jpg')).toBe('red\\x1b[31m.jpg')
    expect(terminalText('a\rimported\nb\tc\x00\x7f\x9b')).toBe('a\\rimported\\nb\\tc\\x00\\x7f\\x9b')
    // Setting the window title (OSC … BEL).
    expect(terminalText('\x1b]0;pwned\x07x')).toBe('\\x1b]0;pwned\\x07x')
  })

  it('shows the characters that reorder a line (Trojan Source)', () => {
    expect(terminalText('invoice\u202Egpj.exe')).toBe('invoice\\u202egpj.exe')
    expect(terminalText('\u2066a\u2069\u200f')).toBe('\\u2066a\\u2069\\u200f')
  })

  it('leaves ordinary text, accents, emoji and Windows paths alone', () => {
    const text = 'Café – Zürich 🌅 C:\\Users\\ana\\Bilder\\hafen.jpg'
    expect(terminalText(text)).toBe(text)
  })
})

describe('terminalLines', () => {
  it('keeps line breaks and makes each line safe', () => {
    expect(terminalLines('Profile p is not usable:\n  name: \x1b[2Jx')).toBe(
      'Profile p is not usable:\n  name: \\x1b[2Jx',
    )
  })
})
