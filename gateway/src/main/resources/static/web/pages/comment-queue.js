// The moderators' comment queues — held, reported, rejected — each comment with what held it and why, its reports and
// the last decision, and the decisions that fit its state; several at once through the bulk buttons.
import { h, link, replace, time, trustedHtml } from '../dom.js';
import { clearErrors, field, showErrors, values } from '../forms.js';
import { format } from '../i18n.js';

const QUEUES = ['pending', 'reported', 'rejected'];
const PAGE_SIZE = 20;
const BULK_LIMIT = 100;
const REASON_LIMIT = 1000;

export const texts = {
  en: {
    title: 'Comment moderation',
    queuesLabel: 'Queues',
    queues: { pending: 'Held', reported: 'Reported', rejected: 'Rejected' },
    queueHeadings: { pending: 'Comments held for review', reported: 'Comments reported by readers', rejected: 'Rejected comments' },
    queueIntros: {
      pending: 'Comments a rule or the moderation policy held back. Readers do not see them until approved.',
      reported: 'Comments readers reported. Approving one dismisses its open reports.',
      rejected: 'Comments refused by a rule or rejected by a moderator. A false positive can be restored.',
    },
    empty: 'This queue is empty.',
    more: 'Show more comments',
    loadingMore: 'Loading more…',
    selectAll: 'Select all comments shown',
    selectComment: 'Select the comment by {author}',
    bulkLabel: 'Decide on the selected comments',
    bulkApprove: 'Approve selected',
    bulkReject: 'Reject selected',
    bulkRejectConfirm: 'Reject the selected comments',
    nothingSelected: 'Select at least one comment first.',
    bulkDone: '{done} of {total} done.',
    bulkResultsHeading: 'Results',
    resultOk: '{author}: done, now {state}.',
    resultFailed: '{author}: not done ({status}). {detail}',
    on: 'On',
    articleId: 'article {id}',
    unknownArticle: 'Unknown article',
    unknownAuthor: 'Unknown author',
    by: 'by {author}',
    posted: 'posted',
    edited: 'edited',
    reply: 'reply',
    featured: 'featured',
    states: { pending: 'waiting', visible: 'visible', rejected: 'rejected', deleted: 'deleted' },
    noText: 'This comment has no text any more.',
    heldBy: 'Why it was held',
    refusedBy: 'Why it was refused',
    counted: '{count} counted, limit {limit}',
    match: '“{found}” at {start}–{end}',
    reportsHeading: 'Reports',
    reportsSummary: '{total} in all, {open} open',
    reportReasons: { spam: 'spam', abuse: 'abuse', 'off-topic': 'off-topic', other: 'other' },
    decisionHeading: 'Last decision',
    decisionActions: {
      approved: 'approved', rejected: 'rejected', deleted: 'deleted', restored: 'restored', refused: 'refused by a rule',
      'deleted-by-author': 'deleted by its author', erased: 'erased when its author left',
    },
    decisionReason: 'Reason: {reason}',
    approve: 'Approve',
    reject: 'Reject',
    delete: 'Delete',
    restore: 'Restore',
    feature: 'Feature',
    unfeature: 'Stop featuring',
    rejectLabel: 'Reason for the rejection',
    rejectHint: 'Required. The author sees this reason.',
    rejectConfirm: 'Reject this comment',
    deleteLabel: 'Reason (optional)',
    deleteHint: 'Kept with the decision in the audit trail.',
    deleteConfirm: 'Delete this comment',
    cancel: 'Cancel',
    reasonRequired: 'Please give a reason: the author is told it.',
    done: {
      approve: 'The comment by {author} is approved.',
      reject: 'The comment by {author} is rejected; the author is told why.',
      delete: 'The comment by {author} is deleted.',
      restore: 'The comment by {author} is restored and visible again.',
      feature: 'The comment by {author} is featured.',
      unfeature: 'The comment by {author} is no longer featured.',
    },
    leftQueue: 'It has left this queue.',
    bulkLeft: 'Those done have left this queue.',
    conflict: 'This decision does not fit the comment as it stands now. {detail} Reload the page to see its current state.',
    gone: 'This comment no longer exists.',
    sessionEnded: 'Your session has ended. Please sign in again.',
    tryLater: 'Please try again in {seconds} seconds.',
  },
  fr: {
    title: 'Modération des commentaires',
    queuesLabel: 'Files',
    queues: { pending: 'Retenus', reported: 'Signalés', rejected: 'Refusés' },
    queueHeadings: { pending: 'Commentaires retenus pour examen', reported: 'Commentaires signalés par des lecteurs', rejected: 'Commentaires refusés' },
    queueIntros: {
      pending: 'Commentaires retenus par une règle ou par la politique de modération. Les lecteurs ne les voient qu’une fois approuvés.',
      reported: 'Commentaires signalés par des lecteurs. En approuver un classe ses signalements en cours.',
      rejected: 'Commentaires refusés par une règle ou par un modérateur. Un refus injustifié peut être annulé en rétablissant le commentaire.',
    },
    empty: 'Cette file est vide.',
    more: 'Afficher d’autres commentaires',
    loadingMore: 'Chargement…',
    selectAll: 'Sélectionner tous les commentaires affichés',
    selectComment: 'Sélectionner le commentaire de {author}',
    bulkLabel: 'Décider pour les commentaires sélectionnés',
    bulkApprove: 'Approuver la sélection',
    bulkReject: 'Refuser la sélection',
    bulkRejectConfirm: 'Refuser les commentaires sélectionnés',
    nothingSelected: 'Sélectionnez d’abord au moins un commentaire.',
    bulkDone: '{done} sur {total} traités.',
    bulkResultsHeading: 'Résultats',
    resultOk: '{author} : traité, désormais {state}.',
    resultFailed: '{author} : non traité ({status}). {detail}',
    on: 'Sur',
    articleId: 'article {id}',
    unknownArticle: 'Article inconnu',
    unknownAuthor: 'Auteur inconnu',
    by: 'par {author}',
    posted: 'publié',
    edited: 'modifié',
    reply: 'réponse',
    featured: 'mis en avant',
    states: { pending: 'en attente', visible: 'visible', rejected: 'refusé', deleted: 'supprimé' },
    noText: 'Ce commentaire n’a plus de texte.',
    heldBy: 'Pourquoi il a été retenu',
    refusedBy: 'Pourquoi il a été refusé',
    counted: '{count} comptés, limite {limit}',
    match: '« {found} » en {start}–{end}',
    reportsHeading: 'Signalements',
    reportsSummary: '{total} au total, dont {open} en cours',
    reportReasons: { spam: 'spam', abuse: 'propos abusifs', 'off-topic': 'hors sujet', other: 'autre' },
    decisionHeading: 'Dernière décision',
    decisionActions: {
      approved: 'approuvé', rejected: 'refusé', deleted: 'supprimé', restored: 'rétabli', refused: 'refusé par une règle',
      'deleted-by-author': 'supprimé par son auteur', erased: 'effacé au départ de son auteur',
    },
    decisionReason: 'Motif : {reason}',
    approve: 'Approuver',
    reject: 'Refuser',
    delete: 'Supprimer',
    restore: 'Rétablir',
    feature: 'Mettre en avant',
    unfeature: 'Ne plus mettre en avant',
    rejectLabel: 'Motif du refus',
    rejectHint: 'Obligatoire. L’auteur voit ce motif.',
    rejectConfirm: 'Refuser ce commentaire',
    deleteLabel: 'Motif (facultatif)',
    deleteHint: 'Conservé avec la décision dans le journal d’audit.',
    deleteConfirm: 'Supprimer ce commentaire',
    cancel: 'Annuler',
    reasonRequired: 'Veuillez indiquer un motif : il est communiqué à l’auteur.',
    done: {
      approve: 'Le commentaire de {author} est approuvé.',
      reject: 'Le commentaire de {author} est refusé ; son auteur en connaîtra le motif.',
      delete: 'Le commentaire de {author} est supprimé.',
      restore: 'Le commentaire de {author} est rétabli et de nouveau visible.',
      feature: 'Le commentaire de {author} est mis en avant.',
      unfeature: 'Le commentaire de {author} n’est plus mis en avant.',
    },
    leftQueue: 'Il a quitté cette file.',
    bulkLeft: 'Ceux qui ont été traités ont quitté cette file.',
    conflict: 'Cette décision ne correspond plus à l’état actuel du commentaire. {detail} Rechargez la page pour voir son état actuel.',
    gone: 'Ce commentaire n’existe plus.',
    sessionEnded: 'Votre session a expiré. Veuillez vous reconnecter.',
    tryLater: 'Veuillez réessayer dans {seconds} secondes.',
  },
};

function when(iso, lang, withTime = true) {
  if (!iso) {
    return null;
  }
  try {
    return time(iso, lang, withTime);
  } catch {
    return String(iso);
  }
}

function list(value) {
  return Array.isArray(value) ? value.filter((entry) => entry && typeof entry === 'object') : [];
}

function authorOf(entry, t) {
  return entry?.author?.displayName || t.unknownAuthor;
}

/** The decisions that fit a comment's state, as comment-service checks them. */
function fittingActions(entry) {
  const state = entry.state;
  const openReports = Number(entry.reports?.open) || 0;
  const topLevel = !entry.parentId && (Number(entry.depth) || 1) <= 1;
  const actions = [];
  if (state === 'pending' || state === 'rejected' || (state === 'visible' && openReports > 0)) {
    actions.push('approve');
  }
  if (state === 'pending' || state === 'visible') {
    actions.push('reject');
  }
  if (state === 'pending' || state === 'visible' || state === 'rejected') {
    actions.push('delete');
  }
  if (state === 'rejected' || state === 'deleted') {
    actions.push('restore');
  }
  if (entry.featured) {
    actions.push('unfeature');
  } else if (state === 'visible' && topLevel) {
    actions.push('feature');
  }
  return actions;
}

/** A failed call in the moderator's words; field errors stay for showErrors to place. */
function explain(error, t) {
  if (!error?.status) {
    return { message: t.unavailable, fieldErrors: [] };
  }
  const detail = error.message || '';
  const answer = (message) => ({ message, fieldErrors: [] });
  switch (error.status) {
    case 401: return answer(t.sessionEnded);
    case 404: return answer(t.gone);
    case 409: return answer(format(t.conflict, { detail }));
    case 429:
    case 503:
      return answer(error.retryAfter ? `${detail} ${format(t.tryLater, { seconds: error.retryAfter })}` : detail || t.failed);
    default:
      return error.fieldErrors?.length ? error : answer(detail || t.failed);
  }
}

function holdsOf(entry, t) {
  const holds = list(entry.holds);
  if (holds.length === 0) {
    return null;
  }
  return h('div', { class: 'moderation-holds' },
    h('p', { class: 'moderation-label' }, entry.decision?.action === 'refused' ? t.refusedBy : t.heldBy),
    h('ul', {}, holds.map((hold) => {
      const matches = list(hold.matches);
      const counted = Number.isFinite(hold.count) && Number.isFinite(hold.limit)
        ? h('span', { class: 'meta' }, ` (${format(t.counted, { count: hold.count, limit: hold.limit })})`) : null;
      return h('li', { class: 'moderation-hold', dataset: { rule: String(hold.rule || '') } },
        h('code', { class: 'moderation-rule' }, String(hold.rule || '?')), hold.explanation ? ` ${hold.explanation}` : '', counted,
        matches.length > 0 && h('ul', { class: 'moderation-matches' }, matches.map((match) =>
          h('li', {}, format(t.match, { found: match.found ?? '', start: match.start ?? '?', end: match.end ?? '?' })))));
    })));
}

function reportsOf(entry, t, lang) {
  const reports = entry.reports && typeof entry.reports === 'object' ? entry.reports : null;
  if (!reports || !(Number(reports.total) > 0 || Number(reports.open) > 0)) {
    return null;
  }
  const byReason = reports.byReason && typeof reports.byReason === 'object'
    ? Object.entries(reports.byReason).map(([reason, count]) => `${t.reportReasons[reason] || reason}: ${count}`).join(', ')
    : '';
  const recent = list(reports.recent);
  return h('div', { class: 'moderation-reports' },
    h('p', { class: 'moderation-label' }, t.reportsHeading),
    h('p', {}, format(t.reportsSummary, { total: Number(reports.total) || 0, open: Number(reports.open) || 0 }),
      byReason ? ` — ${byReason}` : ''),
    recent.length > 0 && h('ul', { class: 'moderation-recent-reports' }, recent.map((report) =>
      h('li', {}, h('strong', {}, t.reportReasons[report.reason] || String(report.reason || '?')),
        report.at ? [' · ', when(report.at, lang)] : null,
        report.note ? h('q', { class: 'moderation-report-note' }, report.note) : null))));
}

function decisionOf(entry, t, lang) {
  const decision = entry.decision && typeof entry.decision === 'object' ? entry.decision : null;
  if (!decision) {
    return null;
  }
  return h('p', { class: 'moderation-decision' }, h('span', { class: 'moderation-label' }, `${t.decisionHeading}: `),
    t.decisionActions[decision.action] || String(decision.action || '?'),
    decision.at ? [' · ', when(decision.at, lang)] : null,
    decision.reason ? [' · ', format(t.decisionReason, { reason: decision.reason })] : null);
}

export async function render(ctx) {
  const { main, t, api, query, setTitle, lang, signInLink } = ctx;
  const asked = query.get('queue');
  const queue = QUEUES.includes(asked) ? asked : 'pending';
  setTitle(`${t.title} – ${t.queues[queue]}`);

  const heading = h('h1', { tabindex: '-1' }, t.title);
  const tabs = h('nav', { 'aria-label': t.queuesLabel, class: 'moderation-tabs' },
    h('ul', { class: 'tabs' }, QUEUES.map((name) => h('li', {},
      link(`/moderation/comments?queue=${name}`, { id: `tab-${name}`, class: 'moderation-tab', 'aria-current': name === queue ? 'page' : undefined },
        t.queues[name])))));
  const message = h('p', { id: 'queue-status', role: 'status', class: 'success' });
  const problem = h('div', { id: 'queue-problem' });
  const items = h('ul', { id: 'comment-queue', class: 'cards moderation-queue', 'aria-labelledby': 'queue-heading' });
  const empty = h('p', { id: 'empty', class: 'note', hidden: true }, t.empty);
  const more = h('button', { type: 'button', id: 'more', class: 'secondary', hidden: true }, t.more);
  const loaded = new Map();
  let cursor = null;

  function stillQueued(entry) {
    if (queue === 'pending') {
      return entry.state === 'pending';
    }
    if (queue === 'rejected') {
      return entry.state === 'rejected';
    }
    return (Number(entry.reports?.open) || 0) > 0 && entry.state !== 'deleted' && entry.state !== 'rejected';
  }

  function signInAfter(container, error) {
    if (error?.status === 401) {
      container.append(h('p', {}, signInLink(t.signIn)));
    }
  }

  function removeEntry(entry) {
    const next = entry.nextElementSibling || entry.previousElementSibling;
    loaded.delete(entry.dataset.commentId);
    entry.remove();
    empty.hidden = items.children.length > 0 || !more.hidden;
    return next;
  }

  /** After a decision: the comment leaves the queue, or is shown as it now stands. */
  function decided(entry, action, before, answer) {
    const updated = answer && typeof answer === 'object' ? { ...before, ...answer } : before;
    const done = format(t.done[action], { author: authorOf(updated, t) });
    if (stillQueued(updated)) {
      const fresh = item(updated);
      entry.replaceWith(fresh);
      message.textContent = done;
      fresh.querySelector('.actions button')?.focus();
    } else {
      const next = removeEntry(entry);
      message.textContent = `${done} ${t.leftQueue}`;
      (next?.querySelector('input, a, button') || heading).focus();
    }
  }

  async function send(id, action, reason) {
    return api(`/api/admin/comments/comments/${encodeURIComponent(id)}/decisions`,
      { method: 'POST', body: reason ? { action, reason } : { action } });
  }

  function item(entry) {
    const id = String(entry.id || '');
    loaded.set(id, entry);
    const author = authorOf(entry, t);
    const slug = entry.articleSlug || entry.slug;
    const title = entry.articleTitle || (entry.articleId ? format(t.articleId, { id: entry.articleId }) : t.unknownArticle);
    const itemProblem = h('div', { class: 'moderation-item-problem' });
    const li = h('li', { class: `card moderation-item moderation-item-${String(entry.state || 'unknown')}`, dataset: { commentId: id } });

    const select = id ? field({ label: format(t.selectComment, { author }), name: 'select', type: 'checkbox', class: 'select' }) : null;
    const meta = h('p', { class: 'meta' }, format(t.by, { author }),
      entry.postedAt ? [' · ', t.posted, ' ', when(entry.postedAt, lang)] : null,
      entry.editedAt ? [' · ', t.edited, ' ', when(entry.editedAt, lang)] : null,
      entry.parentId ? [' · ', t.reply] : null,
      ' · ', h('span', { class: 'moderation-state' }, t.states[entry.state] || String(entry.state || '?')),
      entry.featured ? [' · ', h('span', { class: 'moderation-featured' }, t.featured)] : null);
    let body;
    if (entry.html) {
      body = trustedHtml('div', entry.html, { class: 'moderation-comment-text' });
    } else if (entry.text) {
      body = h('p', { class: 'moderation-comment-text moderation-plain' }, entry.text);
    } else {
      body = h('p', { class: 'moderation-comment-text note' }, t.noText);
    }

    const buttons = [];
    const forms = [];
    for (const action of fittingActions(entry)) {
      if (!id) {
        break;
      }
      if (action === 'reject' || action === 'delete') {
        const formId = `${action}-form-${id}`;
        const button = h('button', { type: 'button', class: `${action} ${action === 'delete' ? 'danger' : 'secondary'}`,
          'aria-expanded': 'false', 'aria-controls': formId });
        button.textContent = t[action];
        const confirm = h('button', { type: 'submit', class: 'confirm danger' }, t[`${action}Confirm`]);
        const form = h('form', { id: formId, class: `moderation-form ${action}-form`, novalidate: true, hidden: true },
          field({ label: t[`${action}Label`], name: 'reason', type: 'textarea', rows: 3, maxlength: REASON_LIMIT,
            required: action === 'reject', hint: t[`${action}Hint`] }),
          h('div', { class: 'actions' }, confirm, h('button', { type: 'button', class: 'secondary cancel', onclick: () => {
            form.hidden = true;
            clearErrors(form);
            button.setAttribute('aria-expanded', 'false');
            button.focus();
          } }, t.cancel)));
        button.addEventListener('click', () => {
          const opening = form.hidden;
          forms.forEach((other) => { other.hidden = true; clearErrors(other); });
          buttons.forEach((other) => other.hasAttribute('aria-expanded') && other.setAttribute('aria-expanded', 'false'));
          form.hidden = !opening;
          button.setAttribute('aria-expanded', String(opening));
          if (opening) {
            form.querySelector('textarea')?.focus();
          }
        });
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          clearErrors(form);
          const reason = values(form).reason || '';
          if (action === 'reject' && !reason) {
            showErrors(form, { fieldErrors: [{ field: 'reason', message: t.reasonRequired }] }, t);
            return;
          }
          confirm.disabled = true;
          try {
            decided(li, action, entry, await send(id, action, reason));
          } catch (error) {
            showErrors(form, explain(error, t), t);
            signInAfter(form.querySelector('.error-summary') || form, error);
          } finally {
            confirm.disabled = false;
          }
        });
        buttons.push(button);
        forms.push(form);
      } else {
        const button = h('button', { type: 'button', class: `${action} ${action === 'approve' ? 'primary' : 'secondary'}` }, t[action]);
        button.addEventListener('click', async () => {
          itemProblem.replaceChildren();
          button.disabled = true;
          try {
            decided(li, action, entry, await send(id, action));
          } catch (error) {
            button.disabled = false;
            const alert = h('p', { role: 'alert', class: 'problem' }, explain(error, t).message);
            itemProblem.replaceChildren(alert);
            signInAfter(alert, error);
          }
        });
        buttons.push(button);
      }
    }

    // replace() from dom.js skips absent parts and flattens lists, which Element.append would print.
    replace(li,
      select,
      h('h3', {}, `${t.on} `, slug ? link(`/news/${encodeURIComponent(slug)}`, { class: 'moderation-article-link' }, title) : title),
      !slug && entry.articleId && entry.articleTitle ? h('p', { class: 'meta moderation-article-id' }, format(t.articleId, { id: entry.articleId })) : null,
      meta, body, holdsOf(entry, t), reportsOf(entry, t, lang), decisionOf(entry, t, lang),
      itemProblem,
      buttons.length > 0 && h('div', { class: 'actions' }, buttons),
      forms);
    return li;
  }

  // Bulk decisions: each id gets its own answer, and each failure is shown beside the comment's author.
  const selectAll = field({ label: t.selectAll, name: 'select-all', type: 'checkbox', class: 'select-all', 'data-test': 'select-all' });
  const selectAllBox = selectAll.querySelector('input');
  selectAllBox.addEventListener('change', () => {
    items.querySelectorAll('input.select').forEach((box) => { box.checked = selectAllBox.checked; });
  });
  const bulkProblem = h('div', { id: 'bulk-problem' });
  const bulkResults = h('ul', { id: 'bulk-results', class: 'moderation-bulk-results', 'aria-label': t.bulkResultsHeading, hidden: true });
  const bulkApprove = h('button', { type: 'button', id: 'bulk-approve', class: 'primary' }, t.bulkApprove);
  const bulkReject = h('button', { type: 'button', id: 'bulk-reject', class: 'danger', 'aria-expanded': 'false',
    'aria-controls': 'bulk-reject-form' }, t.bulkReject);
  const bulkConfirm = h('button', { type: 'submit', class: 'confirm danger' }, t.bulkRejectConfirm);
  const bulkForm = h('form', { id: 'bulk-reject-form', class: 'moderation-form', novalidate: true, hidden: true },
    field({ label: t.rejectLabel, name: 'reason', type: 'textarea', rows: 3, maxlength: REASON_LIMIT, required: true, hint: t.rejectHint }),
    h('div', { class: 'actions' }, bulkConfirm, h('button', { type: 'button', class: 'secondary cancel', onclick: () => {
      bulkForm.hidden = true;
      clearErrors(bulkForm);
      bulkReject.setAttribute('aria-expanded', 'false');
      bulkReject.focus();
    } }, t.cancel)));

  function selectedIds() {
    return [...items.querySelectorAll('input.select:checked')]
      .map((box) => box.closest('li')?.dataset.commentId).filter(Boolean);
  }

  async function bulk(action, reason) {
    bulkProblem.replaceChildren();
    const ids = selectedIds();
    if (ids.length === 0) {
      bulkProblem.replaceChildren(h('p', { role: 'alert', class: 'problem' }, t.nothingSelected));
      return false;
    }
    const results = [];
    for (let start = 0; start < ids.length; start += BULK_LIMIT) {
      const chunk = ids.slice(start, start + BULK_LIMIT);
      try {
        const answer = await api('/api/admin/comments/decisions', { method: 'POST', body: reason ? { action, reason, ids: chunk } : { action, ids: chunk } });
        const answered = list(answer?.results);
        results.push(...answered);
        // An id the answer forgot is reported as not done rather than silently dropped.
        chunk.filter((id) => !answered.some((result) => result.id === id))
          .forEach((id) => results.push({ id, status: 0, problem: t.failed }));
      } catch (error) {
        if (error?.fieldErrors?.length && action === 'reject') {
          showErrors(bulkForm, explain(error, t), t);
          return false;
        }
        const detail = explain(error, t).message;
        chunk.forEach((id) => results.push({ id, status: error?.status || 0, problem: detail }));
        if (error?.status === 401) {
          const alert = h('p', { role: 'alert', class: 'problem' }, t.sessionEnded, ' ');
          signInAfter(alert, error);
          bulkProblem.replaceChildren(alert);
        }
      }
    }
    let done = 0;
    const lines = results.map((result) => {
      const entry = loaded.get(result.id);
      const author = authorOf(entry, t);
      const element = items.querySelector(`li[data-comment-id="${CSS.escape(String(result.id))}"]`);
      if (result.status === 200) {
        done += 1;
        const after = { ...(entry || {}), state: result.state, reports: { ...(entry?.reports || {}), open: 0 } };
        if (element) {
          if (stillQueued(after)) {
            element.replaceWith(item(after));
          } else {
            removeEntry(element);
          }
        }
        return h('li', { class: 'success', dataset: { commentId: String(result.id), status: '200' } },
          format(t.resultOk, { author, state: t.states[result.state] || String(result.state || '') }));
      }
      return h('li', { class: 'problem', dataset: { commentId: String(result.id), status: String(result.status ?? '') } },
        format(t.resultFailed, { author, status: result.status || '—', detail: result.problem || '' }));
    });
    bulkResults.replaceChildren(...lines);
    bulkResults.hidden = lines.length === 0;
    selectAllBox.checked = false;
    message.textContent = `${format(t.bulkDone, { done, total: results.length })} ${done > 0 ? t.bulkLeft : ''}`.trim();
    return true;
  }

  bulkApprove.addEventListener('click', async () => {
    bulkApprove.disabled = true;
    try {
      await bulk('approve');
    } finally {
      bulkApprove.disabled = false;
    }
  });
  bulkReject.addEventListener('click', () => {
    const opening = bulkForm.hidden;
    bulkForm.hidden = !opening;
    bulkReject.setAttribute('aria-expanded', String(opening));
    if (opening) {
      clearErrors(bulkForm);
      bulkForm.querySelector('textarea')?.focus();
    }
  });
  bulkForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(bulkForm);
    const reason = values(bulkForm).reason || '';
    if (!reason) {
      showErrors(bulkForm, { fieldErrors: [{ field: 'reason', message: t.reasonRequired }] }, t);
      return;
    }
    bulkConfirm.disabled = true;
    try {
      if (await bulk('reject', reason)) {
        bulkForm.hidden = true;
        bulkForm.reset();
        bulkReject.setAttribute('aria-expanded', 'false');
        bulkReject.focus();
      }
    } finally {
      bulkConfirm.disabled = false;
    }
  });

  // Rejected comments cannot be rejected again: that queue offers bulk approval only.
  const bulkBar = h('div', { class: 'moderation-bulk', role: 'group', 'aria-label': t.bulkLabel },
    selectAll,
    h('div', { class: 'actions' }, bulkApprove, queue === 'rejected' ? null : bulkReject),
    queue === 'rejected' ? null : bulkForm,
    bulkProblem, bulkResults);

  main.append(heading, tabs, message,
    h('h2', { id: 'queue-heading' }, t.queueHeadings[queue]),
    h('p', { class: 'note' }, t.queueIntros[queue]),
    bulkBar, problem, items, empty, h('p', {}, more));

  async function load() {
    more.disabled = true;
    more.textContent = t.loadingMore;
    try {
      const page = await api('/api/admin/comments/queue', { query: { queue, cursor, limit: PAGE_SIZE } });
      const added = list(page?.items).map(item);
      items.append(...added);
      cursor = page?.nextCursor || null;
      more.hidden = !cursor;
      empty.hidden = items.children.length > 0;
      bulkBar.hidden = items.children.length === 0 && bulkResults.hidden;
      problem.replaceChildren();
      return added;
    } catch (error) {
      const alert = h('p', { role: 'alert', class: 'problem' }, explain(error, t).message);
      signInAfter(alert, error);
      problem.replaceChildren(alert);
      return [];
    } finally {
      more.disabled = false;
      more.textContent = t.more;
    }
  }

  more.addEventListener('click', async () => {
    const added = await load();
    added[0]?.querySelector('input, a, button')?.focus();
  });
  await load();
}
