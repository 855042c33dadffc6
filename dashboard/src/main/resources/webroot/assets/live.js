// The /ws live feed: subscribe, take a snapshot per channel, apply updates by key; ping/pong; reconnect with
// exponential backoff and jitter; say when disconnected.

import { displayId, showRevoked } from './display.js';

const KEYS = {
  shortages: (v) => `${v.district}|${v.commodity}`,
  backlogs: (v) => `${v.district}|${v.department}`,
  'call-load': (v) => v.line,
  'worker-distribution': (v) => `${v.by}|${v.key}`,
  'worker-totals': () => 'all',
  ratings: (v) => v.district,
  alerts: (v) => v.id,
  'unlocated-messages': () => 'all',
  directives: (v) => v.id,
};

const SILENCE_LIMIT_MS = 45000; // the server pings every 20 s
const SESSION_ENDED = 4401; // the server closes with this when the session is logged out, expired or disabled

/** The session is gone: back to the login page, then here again. */
function sessionEnded() {
  if (displayId) {
    showRevoked();
    return;
  }
  location.assign(`/login?expired=1&next=${encodeURIComponent(location.pathname + location.search)}`);
}
const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 30000;

/**
 * new LiveFeed({channels, district, state, onChange(channel, change), onStatus(status, info)})
 * district narrows to one district; state (LGD state code) to one state's districts plus the state-wide figures
 * change = {type: 'snapshot'} | {type: 'update', key, value, previous}
 * status = 'connecting' | 'live' | 'down' (info.retryInMs)
 */
export class LiveFeed {
  constructor({ channels, district = null, state = null, onChange = () => {}, onStatus = () => {}, onUnauthorized = sessionEnded }) {
    this.channels = channels;
    this.district = district;
    this.stateCode = state;
    this.onChange = onChange;
    this.onStatus = onStatus;
    this.onUnauthorized = onUnauthorized;
    this.state = new Map(channels.map((c) => [c, new Map()]));
    this.ready = new Set(); // channels whose snapshot has arrived (since the page opened)
    this.attempt = 0;
    this.closed = false;
    this.socket = null;
    this.silenceTimer = null;
    this.retryTimer = null;
  }

  /** Whether the channel's first snapshot has arrived (until then its figures are unknown, not zero). */
  has(channel) {
    return this.ready.has(channel);
  }

  /** The current values of a channel (Map key → value). */
  values(channel) {
    return this.state.get(channel) || new Map();
  }

  start() {
    this.connect();
    return this;
  }

  stop() {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    if (this.socket) this.socket.close(1000, 'page closed');
  }

  connect() {
    if (this.closed) return;
    this.onStatus('connecting', {});
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (e) {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.subscribe(socket);
      this.heard();
      this.onStatus('live', {});
    });
    socket.addEventListener('message', (event) => {
      this.heard();
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      this.handle(message);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearTimeout(this.silenceTimer);
      if (this.closed) return;
      if (event.code === SESSION_ENDED && this.onUnauthorized) {
        this.closed = true;
        this.onStatus('down', { retryInMs: 0 });
        this.onUnauthorized(event);
        return;
      }
      this.scheduleReconnect();
    });
    socket.addEventListener('error', () => { /* a close event follows */ });
  }

  subscribe(socket) {
    const message = { type: 'subscribe', channels: this.channels };
    if (this.district) message.district = this.district;
    if (this.stateCode) message.state = this.stateCode;
    socket.send(JSON.stringify(message));
  }

  /** Narrows to another state: subscribes again on the open socket (fresh snapshots replace every channel). */
  narrowToState(state) {
    if (state === this.stateCode) return;
    this.stateCode = state;
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.subscribe(this.socket);
  }

  heard() {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      if (this.socket) this.socket.close(4000, 'silent');
    }, SILENCE_LIMIT_MS);
  }

  scheduleReconnect() {
    const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempt);
    const delay = Math.round(base / 2 + Math.random() * base / 2);
    this.attempt += 1;
    this.onStatus('down', { retryInMs: delay, attempt: this.attempt });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  handle(message) {
    switch (message.type) {
      case 'ping':
        if (this.socket) this.socket.send(JSON.stringify({ type: 'pong' }));
        return;
      case 'snapshot': {
        const keyOf = KEYS[message.channel];
        if (!keyOf || !this.state.has(message.channel)) return;
        const values = new Map();
        for (const item of message.items || []) values.set(keyOf(item), item);
        this.state.set(message.channel, values);
        this.ready.add(message.channel);
        this.onChange(message.channel, { type: 'snapshot' });
        return;
      }
      case 'update': {
        const values = this.state.get(message.channel);
        if (!values) return;
        const key = message.key ?? (message.value && KEYS[message.channel] ? KEYS[message.channel](message.value) : null);
        if (key === null) return;
        const previous = values.get(key);
        if (message.value === null || message.value === undefined) values.delete(key);
        else values.set(key, message.value);
        this.onChange(message.channel, { type: 'update', key, value: message.value, previous });
        return;
      }
      default:
    }
  }
}

/** Calls fn at most once per animation frame, however often it is asked. */
export function frameThrottled(fn) {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      fn();
    });
  };
}
