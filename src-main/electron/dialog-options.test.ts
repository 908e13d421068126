import { describe, expect, it } from 'vitest'
import { openDialogOptions } from './dialog-options'

describe('openDialogOptions', () => {
  it('picks several folders, or several files', () => {
    expect(openDialogOptions('folders').properties).toEqual(['openDirectory', 'multiSelections'])
    expect(openDialogOptions('files').properties).toEqual(['openFile', 'multiSelections'])
  })
})
