// The moderators' overview: how much waits for them, applications and comments, and the way to each queue.
// The counts are read from the first page of each list, so a long queue shows as "20+" rather than costing a full scan.
import { h, link } from '../dom.js';
import { format } from '../i18n.js';

const FIRST_PAGE = 20;

export const texts = {
  en: {
    title: 'Moderation',
    intro: 'What is waiting for a moderator. The oldest items come first in each queue.',
    applicationsHeading: 'Membership applications',
    applicationsWaiting: 'Applications waiting for verification',
    commentsHeading: 'Comments',
    pendingWaiting: 'Comments held for review',
    reportedWaiting: 'Comments reported by readers',
    openApplications: 'Review the applications',
    openPending: 'Review held comments',
    openReported: 'Review reported comments',
    openRejected: 'See rejected comments',
    countMore: '{count}+',
    countFailed: 'This count could not be read.',
    sessionEnded: 'Your session has ended. Please sign in again.',
    noAccess: 'Your account may not see this list.',
  },
  fr: {
    title: 'Modération',
    intro: 'Ce qui attend un modérateur. Dans chaque file, les éléments les plus anciens viennent en premier.',
    applicationsHeading: 'Demandes d’adhésion',
    applicationsWaiting: 'Demandes en attente de vérification',
    commentsHeading: 'Commentaires',
    pendingWaiting: 'Commentaires retenus pour examen',
    reportedWaiting: 'Commentaires signalés par des lecteurs',
    openApplications: 'Examiner les demandes',
    openPending: 'Examiner les commentaires retenus',
    openReported: 'Examiner les commentaires signalés',
    openRejected: 'Voir les commentaires refusés',
    countMore: '{count}+',
    countFailed: 'Ce nombre n’a pas pu être lu.',
    sessionEnded: 'Votre session a expiré. Veuillez vous reconnecter.',
    noAccess: 'Votre compte ne peut pas consulter cette liste.',
  },
};

/** What a failed call means to the moderator; a lapsed session gets a way to sign in again. */
function problem(error, t, signInLink) {
  if (error?.status === 401) {
    return h('p', { role: 'alert', class: 'problem' }, `${t.sessionEnded} `, signInLink(t.signIn));
  }
  if (error?.status === 403) {
    return h('p', { role: 'alert', class: 'problem' }, t.noAccess);
  }
  const detail = error?.status ? (error.message || t.failed) : t.unavailable;
  return h('p', { role: 'alert', class: 'problem' }, `${t.countFailed} ${detail}`);
}

/** One count: a number, "20+" when the first page has a next one. */
function countLabel(page, t) {
  const items = Array.isArray(page?.items) ? page.items.length : 0;
  return page?.nextCursor ? format(t.countMore, { count: items }) : String(items);
}

function countRow(id, label, value, to, linkText, linkId) {
  return h('div', { class: 'moderation-count' },
    h('dt', {}, label),
    h('dd', {}, h('span', { class: 'moderation-count-value', id }, value), ' ',
      link(to, { id: linkId }, linkText)));
}

export async function render({ main, t, api, setTitle, signInLink }) {
  setTitle(t.title);
  const applications = h('section', { 'aria-labelledby': 'overview-applications' },
    h('h2', { id: 'overview-applications' }, t.applicationsHeading), h('p', { class: 'meta' }, t.loading));
  const comments = h('section', { 'aria-labelledby': 'overview-comments' },
    h('h2', { id: 'overview-comments' }, t.commentsHeading), h('p', { class: 'meta' }, t.loading));
  main.append(h('h1', {}, t.title), h('p', { class: 'note' }, t.intro), h('div', { class: 'moderation-overview' }, applications, comments));

  // The three lists are independent: one failing service must not hide the others' counts.
  const [waiting, pending, reported] = await Promise.allSettled([
    api('/api/admin/identity/applications', { query: { status: 'PENDING_VERIFICATION', limit: FIRST_PAGE } }),
    api('/api/admin/comments/queue', { query: { queue: 'pending', limit: FIRST_PAGE } }),
    api('/api/admin/comments/queue', { query: { queue: 'reported', limit: FIRST_PAGE } }),
  ]);

  applications.replaceChildren(h('h2', { id: 'overview-applications' }, t.applicationsHeading));
  if (waiting.status === 'fulfilled') {
    applications.append(h('dl', { class: 'moderation-counts' },
      countRow('applications-count', t.applicationsWaiting, countLabel(waiting.value, t),
        '/moderation/applications', t.openApplications, 'to-applications')));
  } else {
    applications.append(problem(waiting.reason, t, signInLink),
      h('p', {}, link('/moderation/applications', { id: 'to-applications' }, t.openApplications)));
  }

  comments.replaceChildren(h('h2', { id: 'overview-comments' }, t.commentsHeading));
  const rows = [];
  const failures = [];
  for (const [result, id, label, queue, linkText] of [
    [pending, 'pending-count', t.pendingWaiting, 'pending', t.openPending],
    [reported, 'reported-count', t.reportedWaiting, 'reported', t.openReported],
  ]) {
    if (result.status === 'fulfilled') {
      rows.push(countRow(id, label, countLabel(result.value, t), `/moderation/comments?queue=${queue}`, linkText, `to-${queue}`));
    } else {
      failures.push(result.reason);
      rows.push(h('div', { class: 'moderation-count' }, h('dt', {}, label),
        h('dd', {}, link(`/moderation/comments?queue=${queue}`, { id: `to-${queue}` }, linkText))));
    }
  }
  // Both comment counts fail together when comment-service is down: one message says it.
  if (failures.length > 0) {
    comments.append(problem(failures[0], t, signInLink));
  }
  comments.append(h('dl', { class: 'moderation-counts' }, rows),
    h('p', {}, link('/moderation/comments?queue=rejected', { id: 'to-rejected' }, t.openRejected)));
}
