/**
 * The one path every command takes from outside: parse the payload with its schema, run the
 * handler, answer with data (`IpcResult`), never a thrown error. Electron's IPC registration
 * and the browser test bridge both call this, after their own sender checks.
 */
import type { CommandName, CommandResult, IpcResult } from '../../contract'
import { commandSchemas } from './command-schemas'
import { MediaImportError, toIpcError } from './errors'
import type { Handlers } from './handler-types'

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commandSchemas, name)
}

export async function dispatchCommand<K extends CommandName>(
  handlers: Handlers,
  name: K,
  rawArg: unknown,
): Promise<IpcResult<CommandResult<K>>> {
  const parsed = commandSchemas[name].safeParse(rawArg)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    return {
      ok: false,
      error: toIpcError(
        new MediaImportError('invalid-argument', `${name}: ${issue?.message ?? 'invalid argument'}${where}`),
      ),
    }
  }
  try {
    const handler = handlers[name] as (arg: unknown) => Promise<CommandResult<K>>
    return { ok: true, value: await handler(parsed.data) }
  } catch (err) {
    return { ok: false, error: toIpcError(err) }
  }
}
