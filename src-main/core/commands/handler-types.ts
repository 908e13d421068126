/**
 * The handler table's shape: one function per contract command. In its own file so that each
 * per-area handler file (data-, edit-, upload-…handlers.ts) can name it without importing
 * handlers.ts, which imports them all (no import circle, held by `npm run lint:deps`).
 */
import type { CommandArg, CommandName, CommandResult, EventName, Events } from '../../contract'

export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void

export type Handlers = { [K in CommandName]: (arg: CommandArg<K>) => Promise<CommandResult<K>> }
