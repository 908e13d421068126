// Placeholder: the Electron shell (window, security, IPC) is built in the foundation work.
import { app } from 'electron'

void app.whenReady()
