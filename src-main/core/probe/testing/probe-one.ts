/** Walk + probe of the given paths, collected; run in a child process by the permission tests. */
import { Prober } from '../prober'
import { probeStream, type ProbedFile } from '../probe-stream'

export async function probeOne(...paths: string[]): Promise<ProbedFile[]> {
  const prober = new Prober()
  const out: ProbedFile[] = []
  for await (const item of probeStream(paths, prober)) out.push(item)
  await prober.close()
  return out
}
