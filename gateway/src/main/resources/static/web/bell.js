// The notifications bell: the unread count, kept current by the live stream (Server-Sent Events through the gateway).
// Pages listen for 'visaport:notification' on window to show a new item as it comes.
import { h } from './dom.js';
import { format } from './i18n.js';

const RETRY_FIRST_MS = 3000;
// A stream the service still counts after its page went (until its next heartbeat) frees its place within seconds.
const RETRY_MAX_MS = 30000;

export class Bell {
  constructor({ api, session }) {
    this.api = api;
    this.session = session;
    this.unread = 0;
    this.available = session.signedIn;
    this.anchor = h('a', { href: '/notifications', 'data-link': true, class: 'bell', id: 'bell' });
    this.texts = null;
    this.retryIn = RETRY_FIRST_MS;
  }

  element(texts) {
    this.texts = texts;
    this.draw();
    return this.anchor;
  }

  draw() {
    if (!this.texts) {
      return;
    }
    const t = this.texts;
    this.anchor.hidden = !this.available;
    // The name comes from what shows, so speech and sight agree: "Notifications", and the count as words for speech.
    this.anchor.replaceChildren(h('img', { src: '/web/bell.svg', alt: '', class: 'bell-icon', width: 18, height: 18 }), ' ', t.notifications);
    if (this.unread > 0) {
      this.anchor.append(h('span', { class: 'badge', 'aria-hidden': 'true', id: 'unread-count' }, String(this.unread)),
        h('span', { class: 'visually-hidden' }, format(t.unreadSuffix, { count: this.unread })));
    }
  }

  /** Reads the count again: after a page marks items read, and whenever the stream (re)connects. */
  async refresh() {
    if (!this.available) {
      return;
    }
    try {
      const { unread } = await this.api('/api/notifications/feed/unread-count');
      this.unread = unread;
    } catch (error) {
      // Someone without a feed (not a member yet) has no bell; a failing service leaves the last count.
      if (error.status === 401 || error.status === 403) {
        this.available = false;
      }
    }
    this.draw();
  }

  start() {
    if (!this.available) {
      return;
    }
    this.refresh();
    this.connect();
    // Closing the stream as the page goes lets the service count it gone at once, not at its next heartbeat.
    window.addEventListener('pagehide', () => this.stream?.close());
  }

  connect() {
    if (!('EventSource' in window)) {
      return;
    }
    // EventSource reconnects by itself after a dropped connection and sends Last-Event-ID, so nothing is missed.
    this.stream = new EventSource('/api/notifications/stream');
    this.stream.addEventListener('ready', () => {
      this.retryIn = RETRY_FIRST_MS;
      this.refresh();
    });
    this.stream.addEventListener('reset', () => {
      this.refresh();
      window.dispatchEvent(new CustomEvent('visaport:feed-reset'));
    });
    this.stream.addEventListener('notification', (event) => {
      let item = null;
      try {
        item = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!item.read) {
        this.unread += 1;
        this.draw();
      }
      window.dispatchEvent(new CustomEvent('visaport:notification', { detail: item }));
    });
    this.stream.onerror = () => {
      // Refused outright (too many streams open, the service unavailable): EventSource gives up, so try again later,
      // and keep the count current meanwhile.
      if (this.stream.readyState === EventSource.CLOSED) {
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => {
          this.refresh();
          if (this.available) {
            this.connect();
          }
        }, this.retryIn);
        this.retryIn = Math.min(this.retryIn * 2, RETRY_MAX_MS);
      }
    };
  }
}
