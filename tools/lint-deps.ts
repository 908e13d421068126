// `npm run lint:deps` (part of `npm test`): the layer rules of .dependency-cruiser.cjs over the code
// base, printed as dependency-cruiser's CLI prints them. Exit status 1 when a rule is broken.
import { cruiseWithRules } from './dependency-rules'

cruiseWithRules(undefined, undefined, 'err').then(
  ({ output, exitCode }) => {
    process.stdout.write(String(output))
    if (exitCode !== 0) process.exitCode = 1
  },
  (err: unknown) => {
    console.error(err)
    process.exitCode = 2
  },
)
