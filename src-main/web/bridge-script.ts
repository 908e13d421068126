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
/** A command's answer on the page's own stream, so it keeps its place among the events. */
export const ANSWER_EVENT = '__answer'
/** Which stream (page) a command's answer goes to, and which call it answers. */
export const STREAM_HEADER = 'x-media-import-stream'
export const CALL_HEADER = 'x-media-import-call'
export const STREAM_ID = /^[0-9a-f]{32}$/

/** What `pathForFile` says: a browser never tells a page where a dropped file lives on disk. */
export const DROP_REFUSAL =
  'A browser does not tell the app where dropped files are on disk. Use "Choose folders…", or give the folders to `media-import ui` on the command line.'

/** What a command says when the server does not answer at all. */
export const SERVER_GONE =
  'The media-import ui server is not answering: it was stopped (Ctrl+C) or this computer slept. Start it again and open the address it prints.'

/**
 * Where the e2e harness's test hook lives when the server was started with `testHooks`
 * (ui-server.ts): `setDropPaths([[name, path]])` tells `pathForFile` where a File a test
 * dropped stands on disk, as Electron's webUtils would. `media-import ui` never turns it on.
 */
export const TEST_HOOKS_GLOBAL = '__mi_test'

export function bridgeScript(token: string, tokenHeader: string, options: { testHooks?: boolean } = {}): string {
  const config = {
    testHooks: options.testHooks === true ? TEST_HOOKS_GLOBAL : null,
    token,
    tokenHeader,
    commands: commandNames,
    events: eventNames,
    commandPath: COMMAND_PATH,
    eventsPath: EVENTS_PATH,
    readyEvent: READY_EVENT,
    answerEvent: ANSWER_EVENT,
    streamHeader: STREAM_HEADER,
    callHeader: CALL_HEADER,
    dropRefusal: DROP_REFUSAL,
    serverGone: SERVER_GONE,
  }
  return `'use strict';
(() => {
  const config = ${JSON.stringify(config)};
  const listeners = new Map();
  const streamId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const pending = new Map();
  let lastCall = 0;
  // Commands wait until the event stream is open, so no event a command causes can be missed;
  // after 15 s they go anyway. Whenever the stream opens after commands went without it, or opens
  // again after a drop, events may have been missed: the page reloads everything, as after a
  // session switch (workspaceChanged), so it never stays stale.
  let markReady;
  let opened = 0;
  let sentWithoutStream = false;
  const ready = new Promise((resolve) => { markReady = resolve; setTimeout(resolve, 15000); });
  const deliver = (name, payload) => {
    for (const listener of [...(listeners.get(name) || [])]) listener(payload);
  };
  const source = new EventSource(config.eventsPath + '?stream=' + streamId);
  source.addEventListener(config.readyEvent, () => {
    opened += 1;
    const missed = opened > 1 || sentWithoutStream;
    markReady();
    if (missed) {
      send('getAppInfo').then((answer) => { if (answer && answer.ok) deliver('workspaceChanged', answer.value); }, () => {});
    }
  });
  source.addEventListener(config.answerEvent, (message) => {
    const { call, answer } = JSON.parse(message.data);
    const settle = pending.get(call);
    pending.delete(call);
    if (settle) settle(answer);
  });
  for (const name of config.events) {
    source.addEventListener(name, (message) => deliver(name, JSON.parse(message.data)));
  }
  const send = async (name, arg) => {
    await ready;
    if (opened === 0) sentWithoutStream = true;
    const call = ++lastCall;
    const answered = new Promise((resolve) => pending.set(call, resolve));
    let response;
    try {
      response = await fetch(config.commandPath + name, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [config.tokenHeader]: config.token,
          [config.streamHeader]: streamId,
          [config.callHeader]: String(call),
        },
        body: arg === undefined ? '' : JSON.stringify(arg),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      pending.delete(call);
      throw new Error(config.serverGone);
    }
    // 202: the answer comes on the event stream, in its place among the events.
    if (response.status === 202) return answered;
    pending.delete(call);
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
  if (config.testHooks) {
    // Like webUtils.getPathForFile: '' for a File no test registered.
    const dropPaths = new Map();
    bridge.pathForFile = (file) => (file instanceof File ? dropPaths.get(file.name) || '' : '');
    const hooks = { setDropPaths: (entries) => { for (const [name, path] of entries) dropPaths.set(name, path); } };
    Object.defineProperty(window, config.testHooks, { value: Object.freeze(hooks) });
  }
  Object.defineProperty(window, 'mediaImport', { value: Object.freeze(bridge), enumerable: true });
})();
`
}
