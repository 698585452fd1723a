// Membership applications for moderators: the list by status (oldest first) and one membership, each with the
// decisions that fit its status — approve, reject, ask for information — taken through a small inline form.
import { h, link, time } from '../dom.js';
import { clearErrors, field, showErrors, values } from '../forms.js';
import { format } from '../i18n.js';

const STATUSES = ['PENDING_VERIFICATION', 'INFORMATION_REQUESTED', 'ACTIVE', 'REJECTED', 'SUSPENDED', 'LAPSED'];
const UNDER_REVIEW = new Set(['PENDING_VERIFICATION', 'INFORMATION_REQUESTED']);
const PAGE_SIZE = 20;
const TEXT_LIMIT = 2000;

// Which decision fits which status mirrors identity-service's rules, so a moderator is not offered what it refuses.
const ACTIONS = [
  { name: 'approve', path: 'approval', field: 'note', required: false, style: 'primary', fits: (s) => UNDER_REVIEW.has(s) },
  { name: 'reject', path: 'rejection', field: 'reason', required: true, style: 'danger', fits: (s) => UNDER_REVIEW.has(s) },
  { name: 'request-info', path: 'information-request', field: 'reason', required: true, style: 'secondary',
    fits: (s) => s === 'PENDING_VERIFICATION' },
];

export const texts = {
  en: {
    listTitle: 'Membership applications',
    detailTitle: 'Membership application',
    intro: 'Check each applicant’s credentials against the documents you have, then decide. The oldest applications come first.',
    statusFilter: 'Status',
    show: 'Show',
    statuses: {
      PENDING_VERIFICATION: 'Pending verification', INFORMATION_REQUESTED: 'Information requested', ACTIVE: 'Active',
      REJECTED: 'Rejected', SUSPENDED: 'Suspended', LAPSED: 'Lapsed', PROVISIONING: 'Being set up', ERASED: 'Erased',
    },
    empty: 'No memberships in this status.',
    more: 'Show more applications',
    loadingMore: 'Loading more…',
    unnamed: 'Name not given',
    none: '—',
    status: 'Status',
    email: 'E-mail address',
    emailConfirmed: 'E-mail address confirmed',
    yes: 'Yes',
    no: 'No, not yet',
    displayName: 'Display name',
    country: 'Country',
    mission: 'Mission',
    position: 'Position',
    accreditation: 'Accreditation number',
    accreditationMasked: 'only the last characters are shown to moderators',
    postingCity: 'Posting city',
    postingEndsOn: 'Posting ends',
    language: 'Language',
    roles: 'Roles',
    terms: 'Terms accepted',
    termsValue: 'version {version}',
    appliedAt: 'Applied',
    updatedAt: 'Last changed',
    statusReason: 'Reason given',
    decisions: 'Decisions',
    noDecisions: 'No decision is open for a membership in this status here.',
    approve: 'Approve',
    reject: 'Reject',
    'request-info': 'Request information',
    approveLabel: 'Note for the record (optional)',
    approveHint: 'Kept in the audit trail; the applicant does not see it.',
    rejectLabel: 'Reason for the rejection',
    rejectHint: 'Required. The applicant receives it by e-mail.',
    'request-infoLabel': 'What information is needed',
    'request-infoHint': 'Required. The applicant receives it by e-mail and can correct the application.',
    approveConfirm: 'Approve this application',
    rejectConfirm: 'Reject this application',
    'request-infoConfirm': 'Send the request',
    cancel: 'Cancel',
    reasonRequired: 'Please give a reason: the applicant is told it.',
    approveDone: '{name} is approved and is now a member.',
    rejectDone: 'The application of {name} is rejected. The reason goes to the applicant by e-mail.',
    'request-infoDone': '{name} is asked for more information by e-mail.',
    leftList: 'The application is no longer in this list.',
    notSynced: 'Keycloak could not be updated yet; access will be brought in line within a few minutes.',
    emailNotConfirmed: 'This applicant has not confirmed their e-mail address yet, so the application cannot be approved. Approve it once they have opened the link in the verification e-mail.',
    conflict: 'This decision does not fit the application as it stands now. {detail} Reload the page to see its current state.',
    notAllowed: 'You may not take this decision. {detail}',
    gone: 'This membership no longer exists.',
    sessionEnded: 'Your session has ended. Please sign in again.',
    tryLater: 'Please try again in {seconds} seconds.',
    notFound: 'There is no membership with this id.',
    backToList: 'Back to the applications',
    openDetail: 'Open the application of {name}',
  },
  fr: {
    listTitle: 'Demandes d’adhésion',
    detailTitle: 'Demande d’adhésion',
    intro: 'Vérifiez les références de chaque demandeur au regard des documents dont vous disposez, puis décidez. Les demandes les plus anciennes viennent en premier.',
    statusFilter: 'Statut',
    show: 'Afficher',
    statuses: {
      PENDING_VERIFICATION: 'En attente de vérification', INFORMATION_REQUESTED: 'Informations demandées', ACTIVE: 'Active',
      REJECTED: 'Refusée', SUSPENDED: 'Suspendue', LAPSED: 'Échue', PROVISIONING: 'En cours de création', ERASED: 'Effacée',
    },
    empty: 'Aucune adhésion n’a ce statut.',
    more: 'Afficher d’autres demandes',
    loadingMore: 'Chargement…',
    unnamed: 'Nom non indiqué',
    none: '—',
    status: 'Statut',
    email: 'Adresse e-mail',
    emailConfirmed: 'Adresse e-mail confirmée',
    yes: 'Oui',
    no: 'Non, pas encore',
    displayName: 'Nom affiché',
    country: 'Pays',
    mission: 'Mission',
    position: 'Fonction',
    accreditation: 'Numéro d’accréditation',
    accreditationMasked: 'seuls les derniers caractères sont montrés aux modérateurs',
    postingCity: 'Ville d’affectation',
    postingEndsOn: 'Fin d’affectation',
    language: 'Langue',
    roles: 'Rôles',
    terms: 'Conditions acceptées',
    termsValue: 'version {version}',
    appliedAt: 'Demande déposée',
    updatedAt: 'Dernière modification',
    statusReason: 'Motif indiqué',
    decisions: 'Décisions',
    noDecisions: 'Aucune décision n’est possible ici pour une adhésion ayant ce statut.',
    approve: 'Approuver',
    reject: 'Refuser',
    'request-info': 'Demander des informations',
    approveLabel: 'Note pour le dossier (facultative)',
    approveHint: 'Conservée dans le journal d’audit ; le demandeur ne la voit pas.',
    rejectLabel: 'Motif du refus',
    rejectHint: 'Obligatoire. Le demandeur le reçoit par e-mail.',
    'request-infoLabel': 'Informations nécessaires',
    'request-infoHint': 'Obligatoire. Le demandeur le reçoit par e-mail et peut corriger sa demande.',
    approveConfirm: 'Approuver cette demande',
    rejectConfirm: 'Refuser cette demande',
    'request-infoConfirm': 'Envoyer la demande',
    cancel: 'Annuler',
    reasonRequired: 'Veuillez indiquer un motif : il est communiqué au demandeur.',
    approveDone: 'La demande de {name} est approuvée : cette personne est désormais membre.',
    rejectDone: 'La demande de {name} est refusée. Le motif est envoyé au demandeur par e-mail.',
    'request-infoDone': 'Des informations complémentaires sont demandées à {name} par e-mail.',
    leftList: 'La demande ne figure plus dans cette liste.',
    notSynced: 'Keycloak n’a pas encore pu être mis à jour ; les accès seront alignés d’ici quelques minutes.',
    emailNotConfirmed: 'Ce demandeur n’a pas encore confirmé son adresse e-mail : la demande ne peut donc pas être approuvée. Approuvez-la lorsqu’il aura ouvert le lien de l’e-mail de vérification.',
    conflict: 'Cette décision ne correspond plus à l’état actuel de la demande. {detail} Rechargez la page pour voir son état actuel.',
    notAllowed: 'Vous ne pouvez pas prendre cette décision. {detail}',
    gone: 'Cette adhésion n’existe plus.',
    sessionEnded: 'Votre session a expiré. Veuillez vous reconnecter.',
    tryLater: 'Veuillez réessayer dans {seconds} secondes.',
    notFound: 'Aucune adhésion ne porte cet identifiant.',
    backToList: 'Retour aux demandes',
    openDetail: 'Ouvrir la demande de {name}',
  },
};

let formCount = 0;

function shown(value, t) {
  return value === undefined || value === null || value === '' ? t.none : String(value);
}

function nameOf(application, t) {
  return application?.fullName || application?.displayName || t.unnamed;
}

function statusName(status, t) {
  return t.statuses[status] || shown(status, t);
}

/** An instant as a <time>; whatever the API sends that is no date shows as it came. */
function when(iso, lang, t, withTime = false) {
  if (!iso) {
    return t.none;
  }
  try {
    return time(iso, lang, withTime);
  } catch {
    return String(iso);
  }
}

/** A calendar date (yyyy-mm-dd), shown as that day wherever the moderator sits. */
function day(date, lang, t) {
  if (!date) {
    return t.none;
  }
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) {
    return String(date);
  }
  return h('time', { datetime: date }, new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed));
}

function displayed(code, type, lang, t) {
  if (!code) {
    return t.none;
  }
  try {
    const name = new Intl.DisplayNames([lang], { type }).of(String(code));
    return name && name !== code ? `${name} (${code})` : String(code);
  } catch {
    return String(code);
  }
}

/** What went wrong with a decision, in the moderator's words; field errors stay for showErrors to place. */
function explain(error, action, t) {
  if (!error?.status) {
    return { message: t.unavailable, fieldErrors: [] };
  }
  const detail = error.message || '';
  const answer = (message) => ({ message, fieldErrors: [] });
  switch (error.status) {
    case 401: return answer(t.sessionEnded);
    case 403: return answer(format(t.notAllowed, { detail }));
    case 404: return answer(t.gone);
    case 409:
      // identity-service answers 409 both for an unconfirmed address and for a status the decision does not fit.
      return answer(action === 'approve' && /e-?mail/i.test(detail) ? t.emailNotConfirmed : format(t.conflict, { detail }));
    case 429:
    case 503:
      return answer(error.retryAfter ? `${detail} ${format(t.tryLater, { seconds: error.retryAfter })}` : detail || t.failed);
    default:
      return error.fieldErrors?.length ? error : answer(detail || t.failed);
  }
}

/** The membership's details as a description list; the detail page shows the fields a list would crowd. */
function details(application, ctx, full) {
  const { t, lang } = ctx;
  const rows = [[t.status, h('span', { class: `moderation-status moderation-status-${String(application.status || '').toLowerCase()}` },
    statusName(application.status, t))]];
  if (application.email) {
    rows.push([t.email, h('span', { class: 'moderation-email' }, application.email)]);
  }
  // Only shown when the API tells; its absence says nothing about the address.
  const confirmed = application.emailVerified ?? application.emailConfirmed;
  if (typeof confirmed === 'boolean') {
    rows.push([t.emailConfirmed, confirmed ? t.yes : t.no]);
  }
  if (full && application.displayName) {
    rows.push([t.displayName, application.displayName]);
  }
  const accreditation = shown(application.accreditationNumber, t);
  rows.push(
    [t.country, displayed(application.countryCode, 'region', ctx.lang, t)],
    [t.mission, shown(application.mission, t)],
    [t.position, shown(application.position, t)],
    [t.accreditation, [h('span', { class: 'moderation-accreditation' }, accreditation),
      accreditation.includes('•') ? h('span', { class: 'meta' }, ` (${t.accreditationMasked})`) : null]],
    [t.postingCity, shown(application.postingCity, t)],
    [t.postingEndsOn, day(application.postingEndsOn, lang, t)],
  );
  if (full) {
    rows.push([t.language, displayed(application.language, 'language', lang, t)]);
    const roles = Array.isArray(application.roles) ? application.roles : [];
    rows.push([t.roles, roles.length > 0 ? roles.join(', ') : t.none]);
    if (application.termsVersion || application.consentedAt) {
      rows.push([t.terms, h('span', {}, format(t.termsValue, { version: shown(application.termsVersion, t) }),
        application.consentedAt ? [', ', when(application.consentedAt, lang, t)] : null)]);
    }
  }
  rows.push([t.appliedAt, when(application.appliedAt, lang, t, true)]);
  if (full) {
    rows.push([t.updatedAt, when(application.updatedAt, lang, t, true)]);
  }
  if (application.statusReason) {
    rows.push([t.statusReason, h('span', { class: 'moderation-status-reason' }, application.statusReason)]);
  }
  return h('dl', { class: 'moderation-details' }, rows.map(([label, value]) =>
    h('div', {}, h('dt', {}, label), h('dd', {}, value))));
}

/**
 * The decision buttons and their inline forms (one open at a time). onDecided gets the action's name and the
 * membership as the API returned it after the decision.
 */
function decisionPanel(application, ctx, onDecided) {
  const { t, api, signInLink } = ctx;
  const fitting = ACTIONS.filter((action) => action.fits(application.status));
  if (fitting.length === 0 || !application.memberId) {
    return h('p', { class: 'meta moderation-no-decisions' }, t.noDecisions);
  }
  const buttons = [];
  const forms = [];

  function close(index, returnFocus) {
    forms[index].hidden = true;
    clearErrors(forms[index]);
    buttons[index].setAttribute('aria-expanded', 'false');
    if (returnFocus) {
      buttons[index].focus();
    }
  }

  function open(index) {
    forms.forEach((form, other) => { if (other !== index && !form.hidden) { close(other, false); } });
    if (!forms[index].hidden) {
      close(index, false);
      return;
    }
    forms[index].hidden = false;
    buttons[index].setAttribute('aria-expanded', 'true');
    forms[index].querySelector('textarea')?.focus();
  }

  fitting.forEach((action, index) => {
    const id = `decision-form-${++formCount}`;
    const confirm = h('button', { type: 'submit', class: `confirm ${action.style}` }, t[`${action.name}Confirm`]);
    const form = h('form', { id, class: `moderation-form ${action.name}-form`, novalidate: true, hidden: true },
      field({ label: t[`${action.name}Label`], name: action.field, type: 'textarea', rows: 3, maxlength: TEXT_LIMIT,
        required: action.required, hint: t[`${action.name}Hint`] }),
      h('div', { class: 'actions' }, confirm,
        h('button', { type: 'button', class: 'secondary cancel', onclick: () => close(index, true) }, t.cancel)));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const text = values(form)[action.field] || '';
      if (action.required && !text) {
        showErrors(form, { fieldErrors: [{ field: action.field, message: t.reasonRequired }] }, t);
        return;
      }
      confirm.disabled = true;
      try {
        const updated = await api(`/api/admin/identity/applications/${encodeURIComponent(application.memberId)}/${action.path}`,
          { method: 'POST', body: text ? { [action.field]: text } : {} });
        onDecided(action.name, updated && typeof updated === 'object' ? updated : application);
      } catch (error) {
        showErrors(form, explain(error, action.name, t), t);
        if (error?.status === 401) {
          form.querySelector('.error-summary')?.append(h('p', {}, signInLink(t.signIn)));
        }
      } finally {
        confirm.disabled = false;
      }
    });
    buttons.push(h('button', { type: 'button', class: `${action.name} ${action.style}`, 'aria-expanded': 'false',
      'aria-controls': id, onclick: () => open(index) }, t[action.name]));
    forms.push(form);
  });
  return h('div', { class: 'moderation-decisions' }, h('div', { class: 'actions' }, buttons), forms);
}

function doneMessage(action, updated, previous, t) {
  const message = format(t[`${action}Done`], { name: nameOf(updated?.fullName ? updated : previous, t) });
  return updated?.accessSynced === false ? `${message} ${t.notSynced}` : message;
}

function problemOf(error, ctx, fallback) {
  const { t, signInLink } = ctx;
  if (error?.status === 401) {
    return h('p', { role: 'alert', class: 'problem' }, `${t.sessionEnded} `, signInLink(t.signIn));
  }
  if (error?.status === 404 && fallback) {
    return h('p', { role: 'alert', class: 'problem' }, fallback);
  }
  return h('p', { role: 'alert', class: 'problem' }, error?.status ? (error.message || t.failed) : t.unavailable);
}

async function renderList(ctx) {
  const { main, t, api, query, navigate, setTitle } = ctx;
  const asked = query.get('status');
  const status = STATUSES.includes(asked) ? asked : 'PENDING_VERIFICATION';
  setTitle(`${t.listTitle} – ${statusName(status, t)}`);

  const statusField = field({ label: t.statusFilter, name: 'status', value: status, 'data-test': 'status-filter',
    options: STATUSES.map((s) => [s, statusName(s, t)]) });
  const filter = h('form', { id: 'status-filter-form', class: 'filters', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    navigate(`/moderation/applications?status=${encodeURIComponent(values(filter).status)}`);
  } }, statusField, h('button', { type: 'submit', class: 'secondary', id: 'show-status' }, t.show));
  const message = h('p', { id: 'decision-status', role: 'status', class: 'success' });
  const problem = h('div', { id: 'list-problem' });
  const list = h('ul', { id: 'applications', class: 'cards moderation-applications', 'aria-labelledby': 'list-heading' });
  const empty = h('p', { id: 'empty', class: 'note', hidden: true }, t.empty);
  const more = h('button', { type: 'button', id: 'more', class: 'secondary', hidden: true }, t.more);
  const heading = h('h1', { tabindex: '-1' }, t.listTitle);
  main.append(heading, h('p', { class: 'note' }, t.intro), filter, message,
    h('h2', { id: 'list-heading' }, statusName(status, t)), problem, list, empty,
    h('p', {}, more));

  let cursor = null;

  function item(application) {
    const name = nameOf(application, t);
    const memberId = application.memberId ? String(application.memberId) : '';
    const title = memberId
      ? link(`/moderation/applications/${encodeURIComponent(memberId)}`, { class: 'open-detail',
        'aria-label': format(t.openDetail, { name }) }, name)
      : name;
    const entry = h('li', { class: 'card moderation-application', dataset: { memberId } },
      h('h3', {}, title), details(application, ctx, false));
    entry.append(decisionPanel(application, ctx, (action, updated) => {
      message.textContent = doneMessage(action, updated, application, t);
      if (updated.status && updated.status !== status) {
        // Decided: it belongs to another status's list now. Keep keyboard users in the list they are working through.
        const next = entry.nextElementSibling || entry.previousElementSibling;
        entry.remove();
        message.textContent += ` ${t.leftList}`;
        empty.hidden = list.children.length > 0 || !more.hidden;
        (next?.querySelector('a, button') || heading).focus();
      } else {
        const fresh = item({ ...application, ...updated });
        entry.replaceWith(fresh);
        fresh.querySelector('a, button')?.focus();
      }
    }));
    return entry;
  }

  async function load() {
    more.disabled = true;
    more.textContent = t.loadingMore;
    try {
      const page = await api('/api/admin/identity/applications', { query: { status, cursor, limit: PAGE_SIZE } });
      const items = Array.isArray(page?.items) ? page.items.filter((entry) => entry && typeof entry === 'object') : [];
      const added = items.map(item);
      list.append(...added);
      cursor = page?.nextCursor || null;
      more.hidden = !cursor;
      empty.hidden = list.children.length > 0;
      problem.replaceChildren();
      return added;
    } catch (error) {
      problem.replaceChildren(problemOf(error, ctx));
      return [];
    } finally {
      more.disabled = false;
      more.textContent = t.more;
    }
  }

  more.addEventListener('click', async () => {
    const added = await load();
    added[0]?.querySelector('a, button')?.focus();
  });
  await load();
}

async function renderDetail(ctx, memberId) {
  const { main, t, api, setTitle } = ctx;
  setTitle(t.detailTitle);
  const heading = h('h1', {}, t.detailTitle);
  const message = h('p', { id: 'decision-status', role: 'status', class: 'success' });
  const back = h('p', {}, link('/moderation/applications', { id: 'back-to-list' }, t.backToList));
  main.append(back, heading, message);

  let application;
  try {
    application = await api(`/api/admin/identity/applications/${encodeURIComponent(memberId)}`);
  } catch (error) {
    main.append(problemOf(error, ctx, t.notFound));
    return;
  }
  if (!application || typeof application !== 'object') {
    main.append(h('p', { role: 'alert', class: 'problem' }, t.notFound));
    return;
  }

  const container = h('article', { id: 'application', class: 'card moderation-application', dataset: { memberId } });
  main.append(container);

  function draw(current) {
    const name = nameOf(current, t);
    heading.textContent = name;
    setTitle(`${t.detailTitle} – ${name}`);
    back.replaceChildren(link(`/moderation/applications?status=${encodeURIComponent(current.status || 'PENDING_VERIFICATION')}`,
      { id: 'back-to-list' }, t.backToList));
    container.replaceChildren(details(current, ctx, true),
      h('h2', {}, t.decisions),
      decisionPanel(current, ctx, (action, updated) => {
        message.textContent = doneMessage(action, updated, current, t);
        draw({ ...current, ...updated });
        heading.focus();
      }));
  }
  heading.setAttribute('tabindex', '-1');
  draw(application);
}

export async function render(ctx) {
  if (ctx.params.memberId) {
    await renderDetail(ctx, ctx.params.memberId);
  } else {
    await renderList(ctx);
  }
}
