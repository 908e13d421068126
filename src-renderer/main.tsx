/**
 * The window's entry: the store connects and the session's first commands go out at once; React
 * and the app's components are their own chunk (mount.tsx), fetched, compiled and run while main
 * answers them. bench:grid's first row waited for the whole bundle to run before the first
 * command left, then drew an empty window, then redrew it once per answer.
 */
import { api } from './api'
import { connectStore } from './store/connect'
import './styles/app.css'
import './styles/grid.css'

// Subscribes before the first command so no event from main is missed; lives as long as the window.
performance.mark('mi:entry')
const { loaded } = connectStore(api)

void import('./mount').then(({ mount }) => mount(loaded))
