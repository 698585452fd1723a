// The discussion under a briefing: the thread for everyone; writing, replying, editing, deleting and reporting for
// members. Not a route of its own: the article page calls renderComments() with its section, its ctx and the article.
// Comment text is HTML comment-service rendered and sanitised; everything else goes in as text.
import { h, replace, trustedHtml } from '../dom.js';
import { newIdempotencyKey } from '../api.js';
import { field, showErrors, clearErrors } from '../forms.js';
import { format } from '../i18n.js';

const MAX_TEXT = 5000;
const MAX_NOTE = 500;
const PAGE_SIZE = 20;
const REPLY_PAGE = 100;
// A thread with more replies than this under one comment is left for the reader to open again later.
const REPLY_PAGES_AT_MOST = 20;
const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'other'];

// Nested under one key so the article page can take these texts over without clashing with its own.
export const texts = {
  en: {
    discussion: {
      heading: 'Comments',
      headingCount: 'Comments ({count})',
      write: 'Write a comment',
      yourComment: 'Your comment',
      textHint: 'Plain text, up to 5,000 characters. *Emphasis*, links and > quotes are shown as such.',
      characters: '{count} of 5,000 characters',
      post: 'Post comment',
      sending: 'Sending…',
      promise: 'Your data will be safe! Your e-mail address will not be published.',
      sort: 'Sort comments',
      sortOldest: 'Oldest first',
      sortNewest: 'Newest first',
      sortFeatured: 'Featured first',
      empty: 'No comments yet.',
      emptyMember: 'No comments yet. Start the discussion.',
      more: 'More comments',
      loadingMore: 'Loading more comments…',
      loadedMore: '{count} more comments loaded.',
      loadFailed: 'The comments could not be loaded.',
      notAvailable: 'The discussion for this briefing is not available yet.',
      retry: 'Try again',
      closed: 'Comments are closed for this briefing. You can still read the discussion.',
      signInToJoin: 'Sign in to join the discussion',
      notMember: 'Not a member yet?',
      signUp: 'Sign up',
      applicant: 'Your application is under review. Once a moderator has approved it, you can join the discussion.',
      inactive: 'Only active members can write comments. Your account has no active membership at the moment.',
      someone: 'A member',
      you: '(you)',
      postedAt: 'Posted {date}',
      edited: 'edited',
      featured: 'Featured',
      newMark: 'New',
      inReplyTo: 'in reply to {name}',
      removed: 'This comment was removed.',
      underReview: 'This comment is being reviewed by a moderator.',
      reply: 'Reply',
      replyTo: 'Reply to {name}',
      yourReply: 'Your reply to {name}',
      postReply: 'Post reply',
      cancel: 'Cancel',
      close: 'Close',
      edit: 'Edit',
      editLabel: 'Edit your comment',
      save: 'Save changes',
      editWindow: 'You can edit until {time}.',
      delete: 'Delete',
      deleteQuestion: 'Delete this comment? This cannot be undone.',
      deleteConfirm: 'Yes, delete it',
      deleted: 'Your comment was deleted.',
      report: 'Report',
      reportLegend: 'Report this comment to the moderators',
      reportReason: 'Reason',
      reasons: { spam: 'Spam', abuse: 'Abuse', 'off-topic': 'Off topic', other: 'Something else' },
      reportNote: 'Note for the moderators (optional)',
      reportNoteHint: 'Up to 500 characters.',
      sendReport: 'Send report',
      reported: 'Thank you. The moderators will look at this comment.',
      alreadyReported: 'You have reported this comment already.',
      showReplies: 'Show all {count} replies',
      showRepliesSome: 'Show all replies',
      loadingReplies: 'Loading replies…',
      repliesShown: 'All replies shown.',
      published: 'Your comment is published.',
      replyPublished: 'Your reply is published.',
      see: 'See it in the thread',
      waiting: 'Your comment is waiting for moderation. It will show once a moderator has approved it.',
      why: 'Why:',
      updated: 'Your comment was updated.',
      editWaiting: 'Your edited comment is waiting for moderation.',
      newActivity: 'There is new activity in this discussion.',
      showNew: 'Show new comments',
      needText: 'Please write something first.',
      tooLong: 'A comment can have at most 5,000 characters; this one has {count}.',
      noteTooLong: 'The note can have at most 500 characters.',
      network: 'VisaPort could not be reached. Check your connection and try again; your text is kept.',
      sessionEnded: 'Your session has ended. Please sign in again; your text is not sent.',
      signInAgain: 'Sign in again',
      threadClosed: 'Comments are closed for this briefing, so yours was not posted.',
      membershipInactive: 'Your membership is not active, so you cannot write comments at the moment.',
      suspended: 'A moderator has suspended your commenting until {until}.',
      suspendedNoDate: 'A moderator has suspended your commenting for a while.',
      tooMany: 'You have sent several comments in a short time. Please wait {minutes} min before sending another.',
      tooManyNoTime: 'You have sent several comments in a short time. Please wait a few minutes before sending another.',
      refused: 'Your comment was not accepted: {reason}',
      editWindowClosed: 'The time for editing this comment has passed.',
      notYours: 'Only the author can change this comment.',
      unavailable: 'Comments cannot be reached right now. Please try again in a moment.',
    },
  },
  fr: {
    discussion: {
      heading: 'Commentaires',
      headingCount: 'Commentaires ({count})',
      write: 'Écrire un commentaire',
      yourComment: 'Votre commentaire',
      textHint: 'Texte simple, 5 000 caractères au plus. *L’emphase*, les liens et les citations (>) sont mis en forme.',
      characters: '{count} caractères sur 5 000',
      post: 'Publier le commentaire',
      sending: 'Envoi…',
      promise: 'Vos données sont en sécurité ! Votre adresse e-mail ne sera pas publiée.',
      sort: 'Trier les commentaires',
      sortOldest: 'Les plus anciens d’abord',
      sortNewest: 'Les plus récents d’abord',
      sortFeatured: 'Les commentaires mis en avant d’abord',
      empty: 'Pas encore de commentaire.',
      emptyMember: 'Pas encore de commentaire. Lancez la discussion.',
      more: 'Plus de commentaires',
      loadingMore: 'Chargement d’autres commentaires…',
      loadedMore: '{count} commentaires de plus chargés.',
      loadFailed: 'Les commentaires n’ont pas pu être chargés.',
      notAvailable: 'La discussion de cette dépêche n’est pas encore disponible.',
      retry: 'Réessayer',
      closed: 'Les commentaires sont fermés pour cette dépêche. Vous pouvez toujours lire la discussion.',
      signInToJoin: 'Connectez-vous pour participer à la discussion',
      notMember: 'Pas encore membre ?',
      signUp: 'Inscrivez-vous',
      applicant: 'Votre demande est en cours d’examen. Dès qu’un modérateur l’aura approuvée, vous pourrez participer à la discussion.',
      inactive: 'Seuls les membres actifs peuvent écrire des commentaires. Votre compte n’a pas d’adhésion active pour le moment.',
      someone: 'Un membre',
      you: '(vous)',
      postedAt: 'Publié le {date}',
      edited: 'modifié',
      featured: 'Mis en avant',
      newMark: 'Nouveau',
      inReplyTo: 'en réponse à {name}',
      removed: 'Ce commentaire a été supprimé.',
      underReview: 'Ce commentaire est en cours d’examen par un modérateur.',
      reply: 'Répondre',
      replyTo: 'Répondre à {name}',
      yourReply: 'Votre réponse à {name}',
      postReply: 'Publier la réponse',
      cancel: 'Annuler',
      close: 'Fermer',
      edit: 'Modifier',
      editLabel: 'Modifier votre commentaire',
      save: 'Enregistrer les modifications',
      editWindow: 'Vous pouvez le modifier jusqu’à {time}.',
      delete: 'Supprimer',
      deleteQuestion: 'Supprimer ce commentaire ? Cette action est définitive.',
      deleteConfirm: 'Oui, le supprimer',
      deleted: 'Votre commentaire a été supprimé.',
      report: 'Signaler',
      reportLegend: 'Signaler ce commentaire aux modérateurs',
      reportReason: 'Motif',
      reasons: { spam: 'Spam', abuse: 'Propos abusifs', 'off-topic': 'Hors sujet', other: 'Autre motif' },
      reportNote: 'Remarque pour les modérateurs (facultative)',
      reportNoteHint: '500 caractères au plus.',
      sendReport: 'Envoyer le signalement',
      reported: 'Merci. Les modérateurs vont examiner ce commentaire.',
      alreadyReported: 'Vous avez déjà signalé ce commentaire.',
      showReplies: 'Afficher les {count} réponses',
      showRepliesSome: 'Afficher toutes les réponses',
      loadingReplies: 'Chargement des réponses…',
      repliesShown: 'Toutes les réponses sont affichées.',
      published: 'Votre commentaire est publié.',
      replyPublished: 'Votre réponse est publiée.',
      see: 'Le voir dans la discussion',
      waiting: 'Votre commentaire attend la modération. Il s’affichera dès qu’un modérateur l’aura approuvé.',
      why: 'Pourquoi :',
      updated: 'Votre commentaire a été modifié.',
      editWaiting: 'Votre commentaire modifié attend la modération.',
      newActivity: 'Il y a du nouveau dans cette discussion.',
      showNew: 'Afficher les nouveaux commentaires',
      needText: 'Veuillez d’abord écrire quelque chose.',
      tooLong: 'Un commentaire compte au plus 5 000 caractères ; celui-ci en a {count}.',
      noteTooLong: 'La remarque compte au plus 500 caractères.',
      network: 'VisaPort est injoignable. Vérifiez votre connexion et réessayez ; votre texte est conservé.',
      sessionEnded: 'Votre session a pris fin. Veuillez vous reconnecter ; votre texte n’a pas été envoyé.',
      signInAgain: 'Se reconnecter',
      threadClosed: 'Les commentaires sont fermés pour cette dépêche : le vôtre n’a pas été publié.',
      membershipInactive: 'Votre adhésion n’est pas active : vous ne pouvez pas écrire de commentaire pour le moment.',
      suspended: 'Un modérateur a suspendu vos commentaires jusqu’au {until}.',
      suspendedNoDate: 'Un modérateur a suspendu vos commentaires pour un temps.',
      tooMany: 'Vous avez envoyé plusieurs commentaires en peu de temps. Veuillez patienter {minutes} min avant d’en envoyer un autre.',
      tooManyNoTime: 'Vous avez envoyé plusieurs commentaires en peu de temps. Veuillez patienter quelques minutes avant d’en envoyer un autre.',
      refused: 'Votre commentaire n’a pas été accepté : {reason}',
      editWindowClosed: 'Le délai de modification de ce commentaire est dépassé.',
      notYours: 'Seul l’auteur peut modifier ce commentaire.',
      unavailable: 'Les commentaires sont momentanément injoignables. Veuillez réessayer dans un instant.',
    },
  },
};

function when(iso, lang, withTime = true) {
  const parsed = iso ? new Date(iso) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    return null;
  }
  const options = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' };
  return h('time', { datetime: parsed.toISOString() }, new Intl.DateTimeFormat(lang, options).format(parsed));
}

function sentence(text, name, node) {
  const [before, after = ''] = String(text).split(`{${name}}`);
  return [before, node, after];
}

/** A result area: one polite region for outcomes, one assertive for problems, both there before anything is said. */
function resultArea(attributes) {
  const said = h('div', { role: 'status', class: 'result-said' });
  const problem = h('div', { role: 'alert', class: 'result-problem' });
  const area = h('div', { ...attributes, class: `result ${attributes.class || ''}`.trim() }, said, problem);
  return {
    area,
    clear() {
      said.replaceChildren();
      problem.replaceChildren();
      area.removeAttribute('data-state');
    },
    say(state, ...content) {
      problem.replaceChildren();
      replace(said, h('div', { class: `result-message ${state}` }, content));
      area.dataset.state = state;
    },
    fail(...content) {
      said.replaceChildren();
      replace(problem, h('div', { class: 'result-message problem' }, content));
      area.dataset.state = 'error';
    },
  };
}

/**
 * Shows the discussion in `section` (the article page's <section id="comments">). Returns a function that stops
 * its timers and listeners when the reader leaves the page.
 */
export function renderComments(section, ctx, article) {
  const { api, lang, session, hasRole, signInLink } = ctx;
  const t = ctx.t.discussion || texts.en.discussion;
  const articleId = article.id;
  const member = hasRole('member');
  const open = article.commentsEnabled !== false && !article.retraction;
  const controller = new AbortController();
  const items = new Map();
  const own = new Map();
  let me = null;
  let sort = 'oldest';
  let cursor = null;
  let visibleCount = null;

  const heading = h('h2', { id: 'comments-heading', tabindex: '-1' }, t.heading);
  const live = h('p', { id: 'comments-live', class: 'visually-hidden', role: 'status' });
  const news = h('div', { id: 'comments-news', class: 'comments-news', hidden: true });
  const thread = h('ol', { class: 'thread', id: 'comment-thread', 'aria-labelledby': 'comments-heading' });
  const empty = h('p', { id: 'comments-empty', class: 'note', hidden: true }, member && open ? t.emptyMember : t.empty);
  const loadError = h('div', { id: 'comments-error', role: 'alert' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'comments-more', hidden: true }, t.more);
  const sortField = field({ label: t.sort, name: 'sort', value: sort,
    options: [['oldest', t.sortOldest], ['newest', t.sortNewest], ['featured', t.sortFeatured]] });
  const sortControl = sortField.querySelector('select');
  sortControl.id = 'comments-sort';
  sortField.querySelector('label').htmlFor = 'comments-sort';

  // Sorting an empty thread means nothing: the choice shows once there is something to sort.
  const toolbar = h('div', { class: 'comments-toolbar', hidden: true }, sortField);
  const form = member && open ? writeForm() : null;
  replace(section, heading, live,
    form ? form.element : joinPrompt(),
    form ? null : h('p', { class: 'promise', id: 'comments-promise' }, t.promise),
    news,
    toolbar,
    loadError, empty, thread, h('p', { class: 'comments-more' }, more));

  function tell(message) {
    live.textContent = '';
    // A fresh text in a cleared region is read out even when it repeats the last one.
    setTimeout(() => { live.textContent = message; }, 50);
  }

  function joinPrompt() {
    if (!open) {
      return h('p', { id: 'comments-closed', class: 'comments-closed' }, t.closed);
    }
    if (!session.signedIn) {
      return h('div', { id: 'comments-join', class: 'comments-join' },
        h('p', {}, signInLink(t.signInToJoin, { id: 'comments-sign-in', class: 'button' })),
        h('p', {}, `${t.notMember} `, h('a', { href: '/signup', 'data-link': true, id: 'comments-sign-up' }, t.signUp)));
    }
    return h('div', { id: 'comments-join', class: 'comments-join' },
      h('p', { id: hasRole('applicant') ? 'comments-under-review' : 'comments-inactive' },
        hasRole('applicant') ? t.applicant : t.inactive));
  }

  function drawHeading() {
    heading.textContent = typeof visibleCount === 'number' ? format(t.headingCount, { count: visibleCount.toLocaleString(lang) }) : t.heading;
  }

  function counted(change) {
    if (typeof visibleCount === 'number') {
      visibleCount = Math.max(0, visibleCount + change);
      drawHeading();
    }
  }

  // ---- what an error means to the writer --------------------------------------------------------------------------

  function explain(error) {
    if (!error || typeof error.status !== 'number') {
      return [t.network];
    }
    const until = error.problem?.until ? when(error.problem.until, lang) : null;
    switch (error.status === 401 ? 'session' : error.kind) {
      case 'session':
        return [t.sessionEnded, ' ', signInLink(t.signInAgain, { class: 'sign-in-again' })];
      case 'thread-closed':
        return [t.threadClosed];
      case 'membership-inactive':
        return [t.membershipInactive];
      case 'commenting-suspended':
        return until ? sentence(t.suspended, 'until', until) : [t.suspendedNoDate];
      case 'rate-limited': {
        const seconds = Number(error.retryAfter ?? error.problem?.retryAfter);
        return seconds > 0 ? [format(t.tooMany, { minutes: Math.ceil(seconds / 60) })] : [t.tooManyNoTime];
      }
      case 'comment-refused':
        return [format(t.refused, { reason: error.message })];
      case 'edit-window-closed':
        return [t.editWindowClosed];
      case 'already-reported':
        return [t.alreadyReported];
      case 'unavailable':
        return [t.unavailable];
      default:
        if (error.status === 429) {
          return [t.tooManyNoTime];
        }
        if (error.status === 503 || error.status === 502 || error.status === 504) {
          return [t.unavailable];
        }
        return [error.message || ctx.t.failed];
    }
  }

  /** Field errors next to their field; anything else in the result area. */
  function showProblem(formElement, result, error) {
    if (error?.status === 400 && error.fieldErrors?.length) {
      result.clear();
      showErrors(formElement, error, ctx.t);
    } else {
      clearErrors(formElement);
      result.fail(explain(error));
    }
  }

  /** Checked here first, so an empty or oversize text never costs a submission against the rate limit. */
  function checkText(formElement, text) {
    const message = !text ? t.needText : text.length > MAX_TEXT ? format(t.tooLong, { count: text.length.toLocaleString(lang) }) : null;
    if (message) {
      showErrors(formElement, { fieldErrors: [{ field: 'text', message }] }, ctx.t);
      return false;
    }
    return true;
  }

  function textField(label, value, rows) {
    const wrapper = field({ label, name: 'text', type: 'textarea', rows, value, hint: t.textHint, required: true });
    const textarea = wrapper.querySelector('textarea');
    const counter = h('p', { class: 'char-count', 'aria-hidden': 'true' });
    const count = () => {
      const length = textarea.value.length;
      counter.textContent = format(t.characters, { count: length.toLocaleString(lang) });
      counter.classList.toggle('over', length > MAX_TEXT);
    };
    textarea.addEventListener('input', count);
    count();
    wrapper.append(counter);
    return { wrapper, textarea, count };
  }

  // ---- writing: a comment or a reply ------------------------------------------------------------------------------

  /**
   * Sends a comment. The Idempotency-Key stays the same while the text does, so a retry after a failure that may
   * have been stored (a lost answer, a timeout) cannot post the comment twice; a changed text is a new comment.
   */
  async function send(formElement, attempt, parentId, result, button) {
    const textarea = formElement.elements.text;
    const text = textarea.value.trim();
    clearErrors(formElement);
    result.clear();
    if (!checkText(formElement, text)) {
      return null;
    }
    if (attempt.text !== text) {
      attempt.text = text;
      attempt.key = newIdempotencyKey();
    }
    const label = button.textContent;
    button.disabled = true;
    button.textContent = t.sending;
    formElement.setAttribute('aria-busy', 'true');
    try {
      const answer = await api(`/api/comments/articles/${encodeURIComponent(articleId)}/comments`, {
        method: 'POST', body: parentId ? { text, parentId } : { text }, headers: { 'Idempotency-Key': attempt.key },
      });
      attempt.text = null;
      textarea.value = '';
      textarea.dispatchEvent(new Event('input'));
      return answer || {};
    } catch (error) {
      showProblem(formElement, result, error);
      return null;
    } finally {
      button.disabled = false;
      button.textContent = label;
      formElement.removeAttribute('aria-busy');
    }
  }

  /** What the writer is told after posting: shown now, or waiting and why (the service's own reasons). */
  function outcome(answer, result, reply) {
    const comment = answer.comment || {};
    if (answer.visible) {
      const element = insertPosted(comment);
      result.say('visible', h('p', {}, reply ? t.replyPublished : t.published, ' ',
        element ? h('a', { href: `#comment-${comment.id}`, class: 'see-comment', onclick: (event) => {
          event.preventDefault();
          element.scrollIntoView({ block: 'center' });
          element.querySelector('.comment-body')?.focus();
        } }, t.see) : null));
      return element;
    }
    const reasons = (Array.isArray(comment.reasons) ? comment.reasons : []).map((reason) => reason?.message).filter(Boolean);
    result.say('pending', h('p', {}, t.waiting),
      reasons.length > 0 ? h('p', { class: 'reasons-intro' }, t.why) : null,
      reasons.length > 0 ? h('ul', { class: 'reasons', 'data-test': 'pending-reasons' }, reasons.map((message) => h('li', {}, message))) : null);
    if (comment.id) {
      own.set(comment.id, comment);
    }
    return null;
  }

  function writeForm() {
    const attempt = { text: null, key: null };
    const { wrapper, textarea } = textField(t.yourComment, '', 5);
    const button = h('button', { type: 'submit', class: 'primary', id: 'comment-submit' }, t.post);
    const result = resultArea({ id: 'comment-status', class: 'comment-status' });
    const formElement = h('form', { id: 'comment-form', novalidate: true, 'aria-labelledby': 'comment-form-heading' },
      wrapper, h('p', { class: 'actions' }, button), result.area);
    const element = h('div', { class: 'comment-compose' }, h('h3', { id: 'comment-form-heading' }, t.write), formElement,
      h('p', { class: 'promise', id: 'comments-promise' }, t.promise));
    formElement.addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = await send(formElement, attempt, null, result, button);
      if (answer) {
        outcome(answer, result, false);
        tell(answer.visible ? t.published : t.waiting);
      }
    });
    return { element, textarea };
  }

  // ---- the thread ---------------------------------------------------------------------------------------------------

  function authorName(comment) {
    return comment?.author?.displayName || t.someone;
  }

  function isOwn(comment) {
    return Boolean(me?.id && comment?.author?.memberId && comment.author.memberId === me.id);
  }

  function editableUntil(id) {
    const until = own.get(id)?.editableUntil;
    const parsed = until ? new Date(until) : null;
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
  }

  function canEdit(comment) {
    const until = editableUntil(comment.id);
    return open && member && isOwn(comment) && until !== null && until.getTime() > Date.now();
  }

  function repliesList(li) {
    let list = li.querySelector(':scope > ol.replies');
    if (!list) {
      list = h('ol', { class: 'replies' });
      li.insertBefore(list, li.querySelector(':scope > .more-replies'));
    }
    return list;
  }

  function meta(comment) {
    const answered = comment.inReplyTo && comment.inReplyTo !== comment.parentId ? items.get(comment.inReplyTo)?.comment : null;
    return h('p', { class: 'comment-meta' },
      h('span', { class: 'comment-author' }, authorName(comment)),
      isOwn(comment) ? h('span', { class: 'comment-you' }, ` ${t.you}`) : null,
      when(comment.postedAt, lang) ? h('span', { class: 'comment-date' }, sentence(t.postedAt, 'date', when(comment.postedAt, lang))) : null,
      comment.edited ? h('span', { class: 'comment-flag edited', 'data-test': 'edited' }, t.edited) : null,
      comment.featured ? h('span', { class: 'comment-flag featured', 'data-test': 'featured' }, t.featured) : null,
      answered ? h('span', { class: 'comment-in-reply' }, format(t.inReplyTo, { name: authorName(answered) })) : null);
  }

  function actions(comment, li) {
    const buttons = [];
    const name = authorName(comment);
    if (member && open) {
      buttons.push(h('button', { type: 'button', class: 'comment-action', 'data-action': 'reply', 'aria-label': format(t.replyTo, { name }),
        onclick: (event) => openReply(comment, li, event.currentTarget) }, t.reply));
    }
    if (canEdit(comment)) {
      buttons.push(h('button', { type: 'button', class: 'comment-action', 'data-action': 'edit',
        onclick: (event) => openEdit(comment, li, event.currentTarget) }, t.edit));
    }
    if (isOwn(comment)) {
      buttons.push(h('button', { type: 'button', class: 'comment-action', 'data-action': 'delete',
        onclick: (event) => openDelete(comment, li, event.currentTarget) }, t.delete));
    } else if (member) {
      buttons.push(h('button', { type: 'button', class: 'comment-action', 'data-action': 'report',
        onclick: (event) => openReport(comment, li, event.currentTarget) }, t.report));
    }
    return buttons.length > 0 ? h('div', { class: 'comment-actions' }, buttons) : null;
  }

  function body(comment, li) {
    if (comment.status && comment.status !== 'visible') {
      return h('div', { class: 'comment-body placeholder', tabindex: '-1' },
        h('p', { class: 'comment-placeholder' }, comment.status === 'under-review' ? t.underReview : t.removed));
    }
    return h('div', { class: 'comment-body', tabindex: '-1' }, meta(comment),
      trustedHtml('div', comment.html || '', { class: 'comment-text' }), actions(comment, li),
      h('div', { class: 'comment-panel', hidden: true }));
  }

  function commentItem(comment) {
    const li = h('li', { class: `comment depth-${Math.min(Number(comment.depth) || 1, 3)}`, id: `comment-${comment.id}`,
      dataset: { commentId: comment.id, status: comment.status || 'visible' } });
    items.set(comment.id, { comment, li });
    li.append(body(comment, li));
    const replies = Array.isArray(comment.replies) ? comment.replies.filter((reply) => reply && reply.id) : [];
    if (replies.length > 0) {
      const list = repliesList(li);
      replies.forEach((reply) => list.append(commentItem(reply)));
    }
    if (comment.moreReplies) {
      li.append(moreRepliesButton(comment, li));
    }
    return li;
  }

  /** Draws a comment again in place (after an edit, or when the edit window closes). */
  function redraw(id) {
    const entry = items.get(id);
    if (!entry) {
      return;
    }
    const fresh = body(entry.comment, entry.li);
    entry.li.querySelector(':scope > .comment-body').replaceWith(fresh);
    entry.li.dataset.status = entry.comment.status || 'visible';
  }

  function moreRepliesButton(root, li) {
    const button = h('button', { type: 'button', class: 'secondary small', 'data-action': 'all-replies' },
      root.replyCount > 0 ? format(t.showReplies, { count: root.replyCount.toLocaleString(lang) }) : t.showRepliesSome);
    const wrapper = h('p', { class: 'more-replies' }, button);
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = t.loadingReplies;
      try {
        const all = [];
        let next = null;
        for (let page = 0; page < REPLY_PAGES_AT_MOST; page += 1) {
          const answer = await api(`/api/comments/comments/${encodeURIComponent(root.id)}/replies`,
            { query: { limit: REPLY_PAGE, cursor: next || undefined }, signal: controller.signal });
          all.push(...(Array.isArray(answer?.items) ? answer.items : []).filter((reply) => reply && reply.id));
          next = answer?.nextCursor;
          if (!next) {
            break;
          }
        }
        const list = repliesList(li);
        list.querySelectorAll(':scope li.comment').forEach((item) => items.delete(item.dataset.commentId));
        list.replaceChildren(...tree(root.id, all).map(commentItem));
        wrapper.remove();
        tell(t.repliesShown);
        list.querySelector('.comment-body')?.focus();
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }
        button.disabled = false;
        button.textContent = root.replyCount > 0 ? format(t.showReplies, { count: root.replyCount }) : t.showRepliesSome;
        replace(loadError, h('p', { class: 'problem' }, explain(error)));
      }
    });
    return wrapper;
  }

  /** The replies endpoint answers a flat list, oldest first; each names the comment it hangs under. */
  function tree(rootId, flat) {
    const children = new Map();
    const known = new Set(flat.map((reply) => reply.id));
    for (const reply of flat) {
      const parent = known.has(reply.parentId) ? reply.parentId : rootId;
      if (!children.has(parent)) {
        children.set(parent, []);
      }
      children.get(parent).push(reply);
    }
    const build = (parentId) => (children.get(parentId) || []).map((reply) => ({ ...reply, replies: build(reply.id) }));
    return build(rootId);
  }

  /** A comment the reader just posted, shown where it belongs and marked as new. */
  function insertPosted(posted) {
    if (!posted.id) {
      return null;
    }
    own.set(posted.id, posted);
    const comment = {
      id: posted.id, articleId, parentId: posted.parentId, inReplyTo: posted.inReplyTo, depth: posted.depth || 1,
      author: { memberId: me?.id, displayName: me?.displayName || session.displayName },
      html: posted.html, status: 'visible', edited: false, featured: false, postedAt: posted.postedAt, replies: [],
    };
    const li = commentItem(comment);
    markNew(li);
    const parent = posted.parentId ? items.get(posted.parentId) : null;
    if (parent) {
      repliesList(parent.li).append(li);
    } else if (sort === 'oldest' && !cursor) {
      thread.append(li);
    } else {
      thread.prepend(li);
    }
    empty.hidden = true;
    toolbar.hidden = false;
    counted(1);
    return li;
  }

  function markNew(li) {
    li.classList.add('is-new');
    const metaLine = li.querySelector('.comment-meta');
    metaLine?.prepend(h('span', { class: 'comment-flag new' }, t.newMark));
  }

  // ---- the panels under a comment: reply, edit, delete, report -----------------------------------------------------

  function openPanel(li, opener, ...content) {
    const panel = li.querySelector(':scope > .comment-body > .comment-panel');
    if (!panel) {
      return null;
    }
    const closePanel = (focusBack = true) => {
      panel.hidden = true;
      panel.replaceChildren();
      if (focusBack && opener?.isConnected) {
        opener.focus();
      }
    };
    replace(panel, content.map((part) => (typeof part === 'function' ? part(closePanel) : part)));
    panel.hidden = false;
    panel.dataset.opener = opener?.dataset.action || '';
    return { panel, closePanel };
  }

  function openReply(comment, li, opener) {
    const attempt = { text: null, key: null };
    const name = authorName(comment);
    const { wrapper, textarea } = textField(format(t.yourReply, { name }), '', 4);
    const button = h('button', { type: 'submit', class: 'primary', 'data-test': 'reply-submit' }, t.postReply);
    const result = resultArea({ class: 'reply-status', 'data-test': 'reply-status' });
    const replyForm = h('form', { class: 'reply-form', 'data-test': 'reply-form', novalidate: true }, wrapper);
    const opened = openPanel(li, opener, (closePanel) => {
      replyForm.append(h('p', { class: 'actions' }, button,
        h('button', { type: 'button', class: 'secondary', onclick: () => closePanel() }, t.cancel)), result.area);
      return replyForm;
    });
    replyForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = await send(replyForm, attempt, comment.id, result, button);
      if (!answer) {
        return;
      }
      if (answer.visible) {
        const element = outcome(answer, result, true);
        opened.closePanel(false);
        tell(t.replyPublished);
        element?.querySelector('.comment-body')?.focus();
      } else {
        // The form has done its work: what stays is the answer, and a way to close it.
        replace(replyForm, result.area, h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => opened.closePanel() }, t.close)));
        outcome(answer, result, true);
        tell(t.waiting);
      }
    });
    textarea.focus();
  }

  async function openEdit(comment, li, opener) {
    let mine = own.get(comment.id);
    if (!mine || typeof mine.text !== 'string') {
      try {
        mine = await api(`/api/comments/comments/${encodeURIComponent(comment.id)}`, { signal: controller.signal });
        own.set(comment.id, mine);
      } catch (error) {
        openPanel(li, opener, h('div', { role: 'alert', class: 'problem' }, explain(error)));
        return;
      }
    }
    const until = editableUntil(comment.id);
    if (!until || until.getTime() <= Date.now()) {
      redraw(comment.id);
      openPanel(li, null, h('p', { role: 'alert', class: 'problem' }, t.editWindowClosed));
      return;
    }
    const { wrapper, textarea } = textField(t.editLabel, mine.text || '', 4);
    const button = h('button', { type: 'submit', class: 'primary', 'data-test': 'edit-submit' }, t.save);
    const result = resultArea({ class: 'edit-status', 'data-test': 'edit-status' });
    const editForm = h('form', { class: 'edit-form', 'data-test': 'edit-form', novalidate: true }, wrapper,
      h('p', { class: 'hint' }, sentence(t.editWindow, 'time', when(until.toISOString(), lang))));
    const opened = openPanel(li, opener, (closePanel) => {
      editForm.append(h('p', { class: 'actions' }, button,
        h('button', { type: 'button', class: 'secondary', onclick: () => closePanel() }, t.cancel)), result.area);
      return editForm;
    });
    editForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = textarea.value.trim();
      clearErrors(editForm);
      result.clear();
      if (!checkText(editForm, text)) {
        return;
      }
      button.disabled = true;
      try {
        const changed = await api(`/api/comments/comments/${encodeURIComponent(comment.id)}`, { method: 'PATCH', body: { text } });
        own.set(comment.id, changed || mine);
        const entry = items.get(comment.id);
        if (changed?.state === 'visible') {
          entry.comment = { ...entry.comment, html: changed.html, edited: true, editedAt: changed.editedAt };
          redraw(comment.id);
          tell(t.updated);
          entry.li.querySelector('.comment-body')?.focus();
        } else {
          // Taken out of the thread until a moderator approves the new wording: the author is told why.
          entry.comment = { ...entry.comment, status: 'under-review', html: null };
          redraw(comment.id);
          counted(-1);
          const reasons = (Array.isArray(changed?.reasons) ? changed.reasons : []).map((reason) => reason?.message).filter(Boolean);
          const note = h('div', { role: 'status', class: 'result-message pending', tabindex: '-1' }, h('p', {}, t.editWaiting),
            reasons.length > 0 ? h('ul', { class: 'reasons' }, reasons.map((message) => h('li', {}, message))) : null);
          entry.li.querySelector(':scope > .comment-body').append(note);
          tell(t.editWaiting);
          note.focus();
        }
        opened.closePanel(false);
      } catch (error) {
        showProblem(editForm, result, error);
        if (error?.kind === 'edit-window-closed') {
          mine.editableUntil = new Date(0).toISOString();
        }
      } finally {
        button.disabled = false;
      }
    });
    textarea.focus();
  }

  function openDelete(comment, li, opener) {
    const confirmButton = h('button', { type: 'button', class: 'danger', 'data-test': 'delete-confirm' }, t.deleteConfirm);
    const result = resultArea({ class: 'delete-status' });
    openPanel(li, opener, (closePanel) => h('div', { class: 'confirm', 'data-test': 'delete-confirmation' },
      h('p', { class: 'confirm-question' }, t.deleteQuestion),
      h('p', { class: 'actions' }, confirmButton,
        h('button', { type: 'button', class: 'secondary', 'data-test': 'delete-cancel', onclick: () => closePanel() }, t.cancel)),
      result.area));
    confirmButton.addEventListener('click', async () => {
      confirmButton.disabled = true;
      try {
        await api(`/api/comments/comments/${encodeURIComponent(comment.id)}`, { method: 'DELETE' });
        own.delete(comment.id);
        const entry = items.get(comment.id);
        const hasReplies = entry.li.querySelector(':scope > ol.replies > li');
        counted(-1);
        tell(t.deleted);
        if (hasReplies) {
          // Its replies stay, under a placeholder, as they do for every reader.
          entry.comment = { ...entry.comment, status: 'removed', html: null, author: null };
          redraw(comment.id);
          entry.li.querySelector('.comment-body')?.focus();
        } else {
          items.delete(comment.id);
          entry.li.remove();
          empty.hidden = thread.children.length > 0;
          heading.focus();
        }
      } catch (error) {
        confirmButton.disabled = false;
        result.fail(explain(error));
      }
    });
    confirmButton.focus();
  }

  function openReport(comment, li, opener) {
    const reason = field({ label: t.reportReason, name: 'reason', value: 'spam', options: REPORT_REASONS.map((value) => [value, t.reasons[value]]) });
    const note = field({ label: t.reportNote, name: 'note', type: 'textarea', rows: 2, hint: t.reportNoteHint, maxlength: MAX_NOTE });
    const button = h('button', { type: 'submit', class: 'primary', 'data-test': 'report-submit' }, t.sendReport);
    const result = resultArea({ class: 'report-status', 'data-test': 'report-status' });
    const reportForm = h('form', { class: 'report-form', 'data-test': 'report-form', novalidate: true },
      h('fieldset', {}, h('legend', {}, t.reportLegend), reason, note));
    const opened = openPanel(li, opener, (closePanel) => {
      reportForm.append(h('p', { class: 'actions' }, button,
        h('button', { type: 'button', class: 'secondary', onclick: () => closePanel() }, t.cancel)), result.area);
      return reportForm;
    });
    const finished = (message) => {
      opener.remove();
      const done = h('p', { class: 'result-message visible', role: 'status', tabindex: '-1' }, message);
      replace(opened.panel, done, h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => opened.closePanel(false) }, t.close)));
      done.focus();
    };
    reportForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(reportForm);
      result.clear();
      const noteText = reportForm.elements.note.value.trim();
      if (noteText.length > MAX_NOTE) {
        showErrors(reportForm, { fieldErrors: [{ field: 'note', message: t.noteTooLong }] }, ctx.t);
        return;
      }
      button.disabled = true;
      try {
        await api(`/api/comments/comments/${encodeURIComponent(comment.id)}/reports`, {
          method: 'POST', body: noteText ? { reason: reportForm.elements.reason.value, note: noteText } : { reason: reportForm.elements.reason.value },
        });
        finished(t.reported);
        tell(t.reported);
      } catch (error) {
        if (error?.kind === 'already-reported') {
          finished(t.alreadyReported);
        } else {
          showProblem(reportForm, result, error);
        }
      } finally {
        button.disabled = false;
      }
    });
    reportForm.elements.reason.focus();
  }

  // ---- loading ------------------------------------------------------------------------------------------------------

  /** Who the reader is (to know their own comments) and their recent comments (text and edit window for editing). */
  async function whoAmI() {
    if (!session.signedIn) {
      return;
    }
    try {
      const answer = await api('/api/identity/me', { signal: controller.signal });
      me = answer?.id ? { id: answer.id, displayName: answer.displayName || session.displayName } : null;
    } catch {
      me = null;
      return;
    }
    if (!me) {
      return;
    }
    try {
      // Newest first: every comment still inside its edit window is on this first page.
      const mine = await api('/api/comments/me/comments', { query: { limit: 50 }, signal: controller.signal });
      (Array.isArray(mine?.items) ? mine.items : [])
        .filter((comment) => comment && comment.id && comment.articleId === articleId)
        .forEach((comment) => own.set(comment.id, comment));
    } catch {
      // Without them the reader can still delete their comments; editing asks for the one comment when opened.
    }
  }

  async function countVisible() {
    try {
      const counts = await api('/api/comments/counts', { query: { articleIds: articleId }, signal: controller.signal });
      if (typeof counts?.[articleId] === 'number') {
        visibleCount = counts[articleId];
        drawHeading();
      }
    } catch {
      // The heading goes without the number.
    }
  }

  const ready = whoAmI();

  async function load(fresh) {
    const { signal } = controller;
    replace(loadError);
    more.disabled = true;
    thread.setAttribute('aria-busy', 'true');
    if (!fresh) {
      more.textContent = t.loadingMore;
    }
    try {
      const [page] = await Promise.all([
        api(`/api/comments/articles/${encodeURIComponent(articleId)}/comments`,
          { query: { sort, limit: PAGE_SIZE, cursor: fresh ? undefined : cursor || undefined }, signal }),
        ready,
      ]);
      const comments = (Array.isArray(page?.items) ? page.items : []).filter((comment) => comment && comment.id);
      if (fresh) {
        items.clear();
        thread.replaceChildren();
      }
      const added = comments.filter((comment) => !items.has(comment.id)).map(commentItem);
      thread.append(...added);
      cursor = page?.nextCursor || null;
      more.hidden = !cursor;
      empty.hidden = thread.children.length > 0;
      toolbar.hidden = thread.children.length === 0 && !cursor;
      if (!fresh) {
        tell(format(t.loadedMore, { count: added.length }));
        added[0]?.querySelector('.comment-body')?.focus();
      }
    } catch (error) {
      if (signal.aborted) {
        return;
      }
      const message = error?.status === 404 ? t.notAvailable : [t.loadFailed, ' ', ...explain(error)];
      replace(loadError, h('p', { class: 'problem' }, message),
        error?.status === 404 ? null : h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'comments-retry',
          onclick: () => load(fresh) }, t.retry)));
    } finally {
      if (!signal.aborted) {
        thread.removeAttribute('aria-busy');
        more.disabled = false;
        more.textContent = t.more;
      }
    }
  }

  sortControl.addEventListener('change', () => {
    sort = sortControl.value;
    cursor = null;
    load(true);
  });
  more.addEventListener('click', () => load(false));

  // Someone answered here, or a moderator decided on the reader's comment: offer the fresh thread rather than
  // rearrange it under the reader's eyes.
  const KINDS = new Set(['COMMENT_REPLY', 'COMMENT_APPROVED', 'COMMENT_REJECTED']);
  function onNotification(event) {
    const item = event.detail;
    if (!item || !KINDS.has(item.kind) || item.link?.articleId !== articleId) {
      return;
    }
    replace(news, h('p', { role: 'status' }, t.newActivity, ' ',
      h('button', { type: 'button', class: 'secondary small', id: 'comments-refresh', onclick: async () => {
        news.hidden = true;
        news.replaceChildren();
        cursor = null;
        countVisible();
        await load(true);
        heading.focus();
      } }, t.showNew)));
    news.hidden = false;
  }
  window.addEventListener('visaport:notification', onNotification);

  // Edit buttons go when the edit window closes, without waiting for the next load; an edit already open is left
  // to the service to answer.
  const timer = setInterval(() => {
    for (const entry of items.values()) {
      const button = entry.li.querySelector(':scope > .comment-body > .comment-actions [data-action="edit"]');
      const panelOpen = !entry.li.querySelector(':scope > .comment-body > .comment-panel')?.hidden;
      if (button && !panelOpen && !canEdit(entry.comment)) {
        if (document.activeElement === button) {
          (button.nextElementSibling || button.previousElementSibling)?.focus();
        }
        button.remove();
      }
    }
  }, 15000);

  countVisible();
  load(true).then(() => {
    if (location.hash === '#comments') {
      section.scrollIntoView();
      heading.focus();
    }
  });

  return () => {
    controller.abort();
    clearInterval(timer);
    window.removeEventListener('visaport:notification', onNotification);
  };
}
