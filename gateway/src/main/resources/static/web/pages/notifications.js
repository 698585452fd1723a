// The member's notifications: the in-app feed, newest first, with new items arriving live from the bell's stream.
import { h, link, time } from '../dom.js';
import { format } from '../i18n.js';
import { accountTexts, alertBox, countryName, showProblem, validDate } from '../account.js';

export const texts = {
  en: {
    ...accountTexts.en,
    title: 'Notifications',
    intro: 'What happened in what you follow, and around your comments.',
    settings: 'Notification settings',
    readAll: 'Mark all read',
    allRead: 'All notifications are marked read.',
    showArchived: 'Show archived notifications too',
    more: 'Show older notifications',
    loadingMore: 'Loading older notifications…',
    empty: 'No notifications yet. Choose what you hear of in your notification settings.',
    emptyArchived: 'No notifications, archived or not.',
    unread: 'Unread',
    archived: 'Archived',
    markRead: 'Mark read',
    archive: 'Archive',
    markedRead: 'Marked read.',
    archivedDone: 'Notification archived.',
    newItem: 'New notification: {title}',
    untitled: 'Notification',
    kinds: {
      ARTICLE_PUBLISHED: 'New briefing',
      ARTICLE_CORRECTED: 'Correction',
      ARTICLE_RETRACTED: 'Retraction',
      COMMENT_REPLY: 'Reply',
      COMMENT_APPROVED: 'Comment approved',
      COMMENT_REJECTED: 'Comment not published',
      COMMENT_WAITING: 'Moderation queue',
      COMMENT_REPORTED: 'Report',
      APPLICATION_RECEIVED: 'Membership application',
    },
  },
  fr: {
    ...accountTexts.fr,
    title: 'Notifications',
    intro: 'Ce qui s’est passé dans ce que vous suivez, et autour de vos commentaires.',
    settings: 'Réglages des notifications',
    readAll: 'Tout marquer comme lu',
    allRead: 'Toutes les notifications sont marquées comme lues.',
    showArchived: 'Afficher aussi les notifications archivées',
    more: 'Afficher les notifications plus anciennes',
    loadingMore: 'Chargement des notifications plus anciennes…',
    empty: 'Aucune notification pour l’instant. Choisissez ce dont vous êtes informé dans vos réglages de notification.',
    emptyArchived: 'Aucune notification, archivée ou non.',
    unread: 'Non lue',
    archived: 'Archivée',
    markRead: 'Marquer comme lue',
    archive: 'Archiver',
    markedRead: 'Marquée comme lue.',
    archivedDone: 'Notification archivée.',
    newItem: 'Nouvelle notification : {title}',
    untitled: 'Notification',
    kinds: {
      ARTICLE_PUBLISHED: 'Nouvelle dépêche',
      ARTICLE_CORRECTED: 'Correction',
      ARTICLE_RETRACTED: 'Retrait',
      COMMENT_REPLY: 'Réponse',
      COMMENT_APPROVED: 'Commentaire approuvé',
      COMMENT_REJECTED: 'Commentaire non publié',
      COMMENT_WAITING: 'File de modération',
      COMMENT_REPORTED: 'Signalement',
      APPLICATION_RECEIVED: 'Demande d’adhésion',
    },
  },
};

const PAGE_SIZE = 20;

/**
 * notification-service stores titles and summaries in English, built from fixed sentences (see its CommentNotices,
 * ArticleEventsListener and MemberEventsListener). In French the page words them again by kind, taking the names and
 * titles out of the English sentence; whatever does not have the expected shape is shown as stored.
 */
function frenchWording(item) {
  const title = item.title || '';
  const summary = item.summary || '';
  const on = (text) => /^On (.+?)(\. Your comments page shows the reason\.)?$/s.exec(text);
  switch (item.kind) {
    case 'ARTICLE_RETRACTED': {
      const retracted = /^Retracted by the editors(?:: (.*))?$/s.exec(summary);
      return { title, summary: retracted ? `Retirée par la rédaction${retracted[1] ? ` : ${retracted[1]}` : ''}` : summary };
    }
    case 'COMMENT_REPLY': {
      // The summary is the reply's own words (or, without them, the briefing's title): it stays as written.
      const reply = /^(.+) replied to your comment$/s.exec(title);
      return { title: reply ? `${reply[1]} a répondu à votre commentaire` : title, summary };
    }
    case 'COMMENT_APPROVED': {
      const about = on(summary);
      return {
        title: title === 'Your comment was approved' ? 'Votre commentaire a été approuvé' : title,
        summary: about ? `Sur « ${about[1]} »` : summary,
      };
    }
    case 'COMMENT_REJECTED': {
      const about = on(summary);
      return {
        title: title === 'Your comment was not published' ? 'Votre commentaire n’a pas été publié' : title,
        summary: about ? `Sur « ${about[1]} ». La raison figure sur la page de vos commentaires.` : summary,
      };
    }
    case 'COMMENT_WAITING': {
      const waiting = /^(.+?) on (.+)$/s.exec(summary);
      return {
        title: title === 'A comment waits for moderation' ? 'Un commentaire attend la modération' : title,
        summary: waiting ? `${waiting[1]}, sur « ${waiting[2]} »` : summary,
      };
    }
    case 'COMMENT_REPORTED': {
      const reported = /^(.+?) on (.+) \(([^()]*)\)$/s.exec(summary);
      return {
        title: title === 'A comment was reported' ? 'Un commentaire a été signalé' : title,
        summary: reported ? `${reported[1]}, sur « ${reported[2]} » (motif : ${reported[3]})` : summary,
      };
    }
    case 'APPLICATION_RECEIVED': {
      const posted = /^Posted in ([A-Z]{2})$/.exec(summary);
      let french = summary;
      if (posted) {
        french = `Pays : ${countryName(posted[1], 'fr')}`;
      } else if (summary === 'Waiting for a moderator') {
        french = 'En attente d’un modérateur';
      }
      return { title: title === 'New membership application' ? 'Nouvelle demande d’adhésion' : title, summary: french };
    }
    default:
      // Briefings keep their own title and lede, in the language they were written in.
      return { title, summary };
  }
}

function wording(item, lang) {
  return lang === 'fr' ? frenchWording(item) : { title: item.title || '', summary: item.summary || '' };
}

/** Where an item leads: the briefing (at the comment), or the moderators' queue it is about. */
function target(item) {
  const link = item.link && typeof item.link === 'object' ? item.link : {};
  switch (item.kind) {
    case 'APPLICATION_RECEIVED':
      return link.applicantId ? `/moderation/applications/${encodeURIComponent(link.applicantId)}` : '/moderation/applications';
    case 'COMMENT_WAITING':
    case 'COMMENT_REPORTED':
      return '/moderation/comments';
    default:
      if (!link.articleSlug) {
        return null;
      }
      return `/news/${encodeURIComponent(link.articleSlug)}${link.commentId ? `#comment-${encodeURIComponent(link.commentId)}` : ''}`;
  }
}

function isItem(value) {
  return value && typeof value === 'object' && typeof value.id === 'string' && value.id !== '';
}

export function render(ctx) {
  const { main, t, query, setTitle } = ctx;
  setTitle(t.title);
  const archived = query.get('archived') === 'true';
  const feed = new FeedPage(ctx, archived);
  main.append(feed.element());
  feed.load();
  const onNotification = (event) => feed.arrived(event.detail);
  const onReset = () => feed.load();
  window.addEventListener('visaport:notification', onNotification);
  window.addEventListener('visaport:feed-reset', onReset);
  return () => {
    feed.stopped = true;
    window.removeEventListener('visaport:notification', onNotification);
    window.removeEventListener('visaport:feed-reset', onReset);
  };
}

class FeedPage {
  constructor(ctx, archived) {
    this.ctx = ctx;
    this.archived = archived;
    this.cursor = null;
    this.loading = 0;
    this.stopped = false;
    const { t } = ctx;
    this.list = h('ul', { id: 'feed', class: 'feed', 'aria-labelledby': 'feed-title', 'aria-busy': 'true' });
    this.empty = h('p', { id: 'feed-empty', class: 'note', hidden: true }, archived ? t.emptyArchived : t.empty);
    this.more = h('button', { type: 'button', class: 'secondary', id: 'feed-more', hidden: true, onclick: () => this.loadMore() }, t.more);
    this.message = h('p', { role: 'status', id: 'feed-message', class: 'note' });
    this.alert = alertBox({ id: 'feed-problem' });
    this.readAll = h('button', { type: 'button', class: 'secondary', id: 'read-all', onclick: () => this.markAllRead() }, t.readAll);
  }

  element() {
    const { t } = this.ctx;
    const toggle = h('button', {
      type: 'button', class: 'link-button', id: 'show-archived', 'aria-pressed': String(this.archived),
      onclick: () => this.ctx.navigate(this.archived ? '/notifications' : '/notifications?archived=true'),
    }, t.showArchived);
    return h('div', { class: 'feed-page' },
      h('h1', { id: 'feed-title' }, t.title),
      h('p', {}, t.intro),
      h('div', { class: 'actions feed-tools' }, this.readAll, toggle,
        link('/notifications/settings', { id: 'settings-link', class: 'feed-settings' }, t.settings)),
      this.alert,
      this.message,
      this.list,
      this.empty,
      h('p', {}, this.more));
  }

  /** Reads the first page again (also when the stream could not resume and the feed may have missed items). */
  async load() {
    const run = ++this.loading;
    this.list.setAttribute('aria-busy', 'true');
    try {
      const page = await this.ctx.api('/api/notifications/feed', { query: { limit: PAGE_SIZE, archived: this.archived ? 'true' : undefined } });
      if (this.stopped || run !== this.loading) {
        return;
      }
      this.alert.hidden = true;
      this.list.replaceChildren();
      this.add(page?.items, false);
      this.next(page);
    } catch (error) {
      if (!this.stopped && run === this.loading) {
        showProblem(this.alert, error, this.ctx);
      }
    } finally {
      if (run === this.loading) {
        this.list.setAttribute('aria-busy', 'false');
        this.updateEmpty();
      }
    }
  }

  async loadMore() {
    if (!this.cursor) {
      return;
    }
    const run = this.loading;
    this.more.disabled = true;
    this.message.textContent = this.ctx.t.loadingMore;
    try {
      const page = await this.ctx.api('/api/notifications/feed', {
        query: { limit: PAGE_SIZE, cursor: this.cursor, archived: this.archived ? 'true' : undefined },
      });
      if (this.stopped || run !== this.loading) {
        return;
      }
      const first = this.add(page?.items, false);
      this.message.textContent = '';
      this.next(page);
      // The reader continues where the new items start.
      first?.querySelector('.feed-title a, .feed-title span')?.focus();
    } catch (error) {
      this.message.textContent = '';
      showProblem(this.alert, error, this.ctx);
    } finally {
      this.more.disabled = false;
    }
  }

  next(page) {
    this.cursor = page && typeof page.nextCursor === 'string' && page.nextCursor ? page.nextCursor : null;
    this.more.hidden = !this.cursor;
  }

  /** Adds items at the end, or at the top for one that just arrived; an item already shown is not shown twice. */
  add(items, onTop) {
    let first = null;
    for (const item of Array.isArray(items) ? items : []) {
      if (!isItem(item) || this.find(item.id)) {
        continue;
      }
      const row = this.row(item);
      if (onTop) {
        this.list.prepend(row);
      } else {
        this.list.append(row);
      }
      first = first || row;
    }
    this.updateEmpty();
    return first;
  }

  find(id) {
    return [...this.list.children].find((row) => row.dataset.notificationId === id) || null;
  }

  arrived(item) {
    if (this.stopped || !isItem(item) || (item.archived && !this.archived)) {
      return;
    }
    if (this.add([item], true)) {
      this.ctx.announce(format(this.ctx.t.newItem, { title: wording(item, this.ctx.lang).title || this.ctx.t.untitled }));
    }
  }

  updateEmpty() {
    this.empty.hidden = this.list.children.length > 0 || this.list.getAttribute('aria-busy') === 'true';
  }

  row(item) {
    const { t, lang } = this.ctx;
    const words = wording(item, lang);
    const title = words.title || t.untitled;
    const href = target(item);
    const read = Boolean(item.read);
    const heading = href
      ? link(href, { onclick: () => this.markRead(item.id, false) }, title)
      : h('span', { tabindex: '-1' }, title);
    const unreadMark = h('span', { class: 'feed-flag feed-unread' }, t.unread);
    // The title in hidden text tells the buttons of one item from the next, and keeps the visible words first in the name.
    const about = h('span', { class: 'visually-hidden' }, ` – ${title}`);
    const readButton = h('button', {
      type: 'button', class: 'link-button', 'data-action': 'read', onclick: () => this.markRead(item.id, true),
    }, t.markRead, about.cloneNode(true));
    const row = h('li', {
      class: `card feed-item${read ? '' : ' unread'}${item.archived ? ' archived' : ''}`,
      dataset: { notificationId: item.id, kind: String(item.kind || ''), read: String(read) },
    },
    h('p', { class: 'meta feed-meta' },
      h('span', { class: 'feed-kind' }, t.kinds[item.kind] || ''),
      validDate(item.createdAt) ? time(item.createdAt, lang, true) : null,
      read ? null : unreadMark,
      item.archived ? h('span', { class: 'feed-flag' }, t.archived) : null),
    h('h2', { class: 'feed-title' }, heading),
    words.summary ? h('p', { class: 'feed-summary' }, words.summary) : null,
    h('p', { class: 'actions feed-actions' },
      read ? null : readButton,
      item.archived ? null : h('button', {
        type: 'button', class: 'link-button', 'data-action': 'archive', onclick: () => this.archive(item.id),
      }, t.archive, about)));
    return row;
  }

  showRead(row) {
    if (!row) {
      return;
    }
    row.classList.remove('unread');
    row.dataset.read = 'true';
    row.querySelector('.feed-unread')?.remove();
    row.querySelector('[data-action="read"]')?.remove();
  }

  /** Marks an item read: when it is opened (the page moves on meanwhile) or by its button. */
  async markRead(id, byButton) {
    const row = this.find(id);
    if (row?.dataset.read === 'true') {
      return;
    }
    try {
      await this.ctx.api(`/api/notifications/feed/${encodeURIComponent(id)}/read`, { method: 'POST' });
      if (byButton && row) {
        // The button goes away with the mark: the focus stays in the item, on its title.
        row.querySelector('.feed-title a, .feed-title span')?.focus();
      }
      this.showRead(row);
      if (byButton) {
        this.message.textContent = this.ctx.t.markedRead;
      }
    } catch (error) {
      if (!this.stopped) {
        showProblem(this.alert, error, this.ctx);
      }
    }
    this.ctx.bell.refresh();
  }

  async markAllRead() {
    this.readAll.disabled = true;
    this.alert.hidden = true;
    try {
      await this.ctx.api('/api/notifications/feed/read-all', { method: 'POST' });
      [...this.list.children].forEach((row) => this.showRead(row));
      this.message.textContent = this.ctx.t.allRead;
    } catch (error) {
      showProblem(this.alert, error, this.ctx);
    } finally {
      this.readAll.disabled = false;
    }
    this.ctx.bell.refresh();
  }

  async archive(id) {
    const row = this.find(id);
    this.alert.hidden = true;
    try {
      await this.ctx.api(`/api/notifications/feed/${encodeURIComponent(id)}/archive`, { method: 'POST' });
    } catch (error) {
      showProblem(this.alert, error, this.ctx);
      return;
    }
    if (row) {
      if (this.archived) {
        // Shown with the archived ones: it stays, marked archived and read.
        this.showRead(row);
        row.classList.add('archived');
        row.querySelector('[data-action="archive"]')?.remove();
        row.querySelector('.feed-meta').append(h('span', { class: 'feed-flag' }, this.ctx.t.archived));
        row.querySelector('.feed-title a, .feed-title span')?.focus();
      } else {
        const neighbour = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        (neighbour?.querySelector('.feed-title a, .feed-title span') || this.readAll).focus();
      }
    }
    this.updateEmpty();
    this.message.textContent = this.ctx.t.archivedDone;
    this.ctx.bell.refresh();
  }
}
