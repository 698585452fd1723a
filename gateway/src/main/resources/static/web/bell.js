// The notifications bell: the unread count, kept current by the live stream (Server-Sent Events through the gateway).
// Pages listen for 'visaport:notification' on window to show a new item as it comes.
import { h } from './dom.js';
import { format } from './i18n.js';

export class Bell {
  constructor({ api, session }) {
    this.api = api;
    this.session = session;
    this.unread = 0;
    this.available = session.signedIn;
    this.anchor = h('a', { href: '/notifications', 'data-link': true, class: 'bell', id: 'bell' });
    this.texts = null;
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
    this.anchor.setAttribute('aria-label', this.unread > 0 ? format(t.notificationsUnread, { count: this.unread }) : t.notifications);
    this.anchor.replaceChildren(h('span', { 'aria-hidden': 'true', class: 'bell-icon' }, '🔔'), ' ', t.notifications,
      this.unread > 0 ? h('span', { class: 'badge', 'aria-hidden': 'true', id: 'unread-count' }, String(this.unread)) : null);
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
    if (!('EventSource' in window)) {
      return;
    }
    // EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed across a reconnect.
    this.stream = new EventSource('/api/notifications/stream');
    this.stream.addEventListener('ready', () => this.refresh());
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
      if (this.stream.readyState === EventSource.CLOSED) {
        this.available = false;
        this.draw();
      }
    };
  }
}
