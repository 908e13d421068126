/**
 * The browser's `window.mediaImport`, with the preload's exact shape (src-main/preload.ts): one
 * method per contract command, `on` for the contract's events only, and `pathForFile`. Commands
 * go as `fetch` POSTs with the token in a header; events come over one Server-Sent Events stream.
 * It is served as a classic script before the renderer's module, so the bridge exists before the
 * app starts. Plain JavaScript text: it runs in the page, not under Node's transform.
 */
import { commandNames, eventNames } from '../contract'

export const BRIDGE_PATH = '/__mi/bridge.js'
export const COMMAND_PATH = '/__mi/command/'
export const EVENTS_PATH = '/__mi/events'
/** The stream's first event: from then on the server delivers events to this page. */
export const READY_EVENT = '__ready'

/** What `pathForFile` says: a browser never tells a page where a dropped file lives on disk. */
export const DROP_REFUSAL =
  'A browser does not tell the app where dropped files are on disk. Use "Choose folders…", or give the folders to `media-import ui` on the command line.'

/** What a command says when the server does not answer at all. */
export const SERVER_GONE =
  'The media-import ui server is not answering: it was stopped (Ctrl+C) or this computer slept. Start it again and open the address it prints.'

export function bridgeScript(token: string, tokenHeader: string): string {
  const config = {
    token,
    tokenHeader,
    commands: commandNames,
    events: eventNames,
    commandPath: COMMAND_PATH,
    eventsPath: EVENTS_PATH,
    readyEvent: READY_EVENT,
    dropRefusal: DROP_REFUSAL,
    serverGone: SERVER_GONE,
  }
  return `'use strict';
(() => {
  const config = ${JSON.stringify(config)};
  const listeners = new Map();
  // Commands wait until the event stream is open, so no event a command causes can be missed;
  // after 5 s they go anyway (the stream reconnects by itself).
  let markReady;
  const ready = new Promise((resolve) => { markReady = resolve; setTimeout(resolve, 5000); });
  const source = new EventSource(config.eventsPath);
  source.addEventListener(config.readyEvent, () => markReady());
  for (const name of config.events) {
    source.addEventListener(name, (message) => {
      const payload = JSON.parse(message.data);
      for (const listener of [...(listeners.get(name) || [])]) listener(payload);
    });
  }
  const send = async (name, arg) => {
    await ready;
    let response;
    try {
      response = await fetch(config.commandPath + name, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [config.tokenHeader]: config.token },
        body: arg === undefined ? '' : JSON.stringify(arg),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new Error(config.serverGone);
    }
    if (!response.ok) throw new Error((await response.text()) || 'HTTP ' + response.status);
    return response.json();
  };
  const bridge = {};
  // Only the first argument is forwarded, as the preload does; the server validates it.
  for (const name of config.commands) bridge[name] = (arg) => send(name, arg);
  bridge.on = (event, listener) => {
    if (!config.events.includes(event)) throw new TypeError("mediaImport.on: unknown event '" + String(event) + "'");
    if (typeof listener !== 'function') throw new TypeError('mediaImport.on: the listener must be a function');
    const set = listeners.get(event) || new Set();
    listeners.set(event, set);
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
    const forward = (payload) => listener(payload);
    set.add(forward);
    return () => { set.delete(forward); };
  };
  bridge.pathForFile = () => { throw new Error(config.dropRefusal); };
  Object.defineProperty(window, 'mediaImport', { value: Object.freeze(bridge), enumerable: true });
})();
`
}
