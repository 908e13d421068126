/**
 * A cell's value as a command may carry it (typed, bulk set, a template's field), bounded so a
 * broken or hostile renderer cannot make main hold unbounded input: 100 kB of text, 1,000 list
 * items of 10 kB.
 */
import { z } from 'zod'

export const cellValueSchema = z.union([
  z.string().max(100_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(10_000)).max(1_000),
  z.null(),
])
