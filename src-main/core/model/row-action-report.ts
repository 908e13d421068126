/** What a row-choice command answers (Node-free: the contract and the renderer import it). */
export interface RowActionResult {
  rowId: string
  done: boolean
  /** What happened to the row, or why nothing did (names the file). */
  message: string
  /** Linked rows: the media id the row now stands for. */
  mediaId?: string
}

export interface RowActionReport {
  done: number
  refused: number
  rows: RowActionResult[]
}
