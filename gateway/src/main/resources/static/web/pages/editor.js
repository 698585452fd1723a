// The editor: writes a briefing (a new draft, or an article by id), previews it as readers will see it, and moves it
// through its states — publish now, embargo until a time, correct, retract, comments on or off. Every action names the
// version the editor has seen, so an article changed meanwhile is never overwritten: the page says so and offers to
// load the newer version.
import { newIdempotencyKey } from '../api.js';
import { h, link, replace, time, trustedHtml } from '../dom.js';
import { clearErrors, field, showErrors, values } from '../forms.js';
import { format } from '../i18n.js';
import { stateBadge } from './newsroom.js';

const ADMIN = '/api/admin/news/articles';
const LIMITS = { title: 200, lede: 600, body: 100000, place: 120, source: 300, note: 2000, language: 35 };

// What the page just did before it moved from /newsroom/new to the new draft's address, to say it there.
let carried = null;

export const texts = {
  en: {
    newTitle: 'New briefing',
    editTitle: 'Edit: {title}',
    untitled: '(untitled)',
    backToNewsroom: 'Back to the newsroom',
    notFoundTitle: 'Article not found',
    articleNotFound: 'There is no article with this id. It may have been created on another stack, or the address is mistyped.',
    loadFailedTitle: 'The article could not be loaded',
    stateDRAFT: 'Draft',
    stateSCHEDULED: 'Scheduled',
    statePUBLISHED: 'Published',
    stateRETRACTED: 'Retracted',
    stateLabel: 'State:',
    stateNew: 'New — not saved yet',
    draftSince: 'Not published. Last saved {time}.',
    scheduledFor: 'Embargoed: goes out {time}.',
    publishedOn: 'Published {time}.',
    retractedOn: 'Retracted {time}. Readers see the reason instead of the text: “{reason}”',
    readerLink: 'See it as readers do',
    version: 'Version {version}',
    commentsOn: 'Comments are on.',
    commentsOff: 'Comments are off.',
    eventsAwaiting: 'Events awaiting delivery: {count}',
    articleHeading: 'The article',
    titleLabel: 'Title',
    titleHint: 'Up to 200 characters. The address follows the title until the article is published.',
    ledeLabel: 'Lede',
    ledeHint: 'The opening summary everyone sees, members or not. Up to 600 characters.',
    bodyLabel: 'Text (Markdown)',
    bodyHint: 'Members only. Markdown: a blank line between paragraphs, **bold**, *italic*, [link text](https://…), lines starting with “- ” for a list, “## ” for a heading. Up to 100,000 characters.',
    dateline: 'Dateline',
    placeLabel: 'Place',
    placeHint: 'Where the story was filed, e.g. Vienna, Austria. Up to 120 characters.',
    dateLabel: 'Date',
    tagsLabel: 'Tags',
    tagsHint: 'Comma separated, up to 20. Each one lower-case words joined by hyphens, e.g. trade-policy, sanctions.',
    regionsLabel: 'Regions',
    regionsHint: 'Comma separated, up to 10. Each one lower-case words joined by hyphens, e.g. western-balkans.',
    countriesLabel: 'Countries',
    countriesHint: 'ISO 3166-1 two-letter codes, comma separated, up to 30, e.g. AT, DE.',
    languageLabel: 'Language',
    languageHint: 'The article’s language as a BCP 47 tag, e.g. en, fr or fr-CA.',
    sourceLabel: 'Source (optional)',
    sourceHint: 'Where the information comes from. Up to 300 characters.',
    translationOfLabel: 'Translation of (optional)',
    translationOfHint: 'The id of the article this one translates, to link the language versions of the same story.',
    createDraft: 'Create draft',
    save: 'Save changes',
    saving: 'Saving…',
    unsaved: 'Unsaved changes',
    readOnly: 'A retracted article cannot be edited.',
    draftCreated: 'Draft created.',
    saved: 'Saved (version {version}).',
    previewHeading: 'Preview',
    previewNote: 'As readers will see it, from the last save.',
    previewAfterSave: 'Create the draft to see the preview.',
    noPreview: 'The service sent no rendered text for this article, so there is no preview.',
    correctionLabel: 'Correction',
    retractedNotice: 'This article was retracted: {reason}',
    actionsHeading: 'Publishing',
    saveFirst: 'Create the draft first; then it can be published or scheduled here.',
    publishHeading: 'Publish now',
    publishHint: 'Readers see it at once, and the people following its tags, regions and countries are told.',
    publish: 'Publish now',
    published: 'Published.',
    scheduleHeading: 'Embargo',
    publishAtLabel: 'Publish at',
    publishAtHint: 'In your time zone ({zone}). It goes out by itself at that time.',
    schedule: 'Schedule',
    reschedule: 'Move the embargo',
    scheduled: 'Scheduled.',
    publishAtRequired: 'Choose a date and time.',
    publishAtPast: 'Choose a time in the future. To publish at once, use “Publish now”.',
    correctionsHeading: 'Corrections',
    noCorrections: 'No corrections yet.',
    noteLabel: 'Correction note',
    noteHint: 'Shown to readers above the text: what was wrong and what is right. Up to 2,000 characters.',
    correct: 'Add correction',
    corrected: 'Correction added.',
    noteRequired: 'Write what was corrected.',
    retractHeading: 'Retract',
    reasonLabel: 'Reason',
    reasonHint: 'Readers see this reason instead of the text. Up to 2,000 characters.',
    retract: 'Retract…',
    reasonRequired: 'Say why the article is retracted.',
    retractQuestion: 'Retract “{title}” for good? Readers will see only the reason from now on, and it cannot be edited or published again.',
    retractConfirm: 'Yes, retract it',
    retractCancel: 'Cancel',
    retracted: 'Retracted.',
    retractedNothingMore: 'A retracted article cannot be published, corrected or edited again.',
    commentsHeading: 'Comments',
    commentsTurnOff: 'Turn comments off',
    commentsTurnOn: 'Turn comments on',
    commentsNowOn: 'Comments turned on.',
    commentsNowOff: 'Comments turned off.',
    nowState: '{done} State: {state}.',
    unsavedFirst: 'You have unsaved changes. Save them first, or they will not be part of the article.',
    conflict: 'Someone else changed this article since you opened it (it is now at version {version}). Load their version to go on; your changes in the form will be replaced, so copy anything you want to keep first.',
    reload: 'Load the latest version',
    reloaded: 'The latest version is loaded.',
    slugTaken: 'Another article took this title’s address while saving; nothing was changed. Save again and it gets a free address.',
    sessionEnded: 'Your session has ended. Please sign in again; what you typed stays here.',
    unreachable: 'VisaPort cannot be reached right now, or its answer did not arrive. Please try again.',
  },
  fr: {
    newTitle: 'Nouvelle dépêche',
    editTitle: 'Modifier : {title}',
    untitled: '(sans titre)',
    backToNewsroom: 'Retour à la rédaction',
    notFoundTitle: 'Article introuvable',
    articleNotFound: 'Aucun article ne porte cet identifiant. Il a peut-être été créé ailleurs, ou l’adresse est erronée.',
    loadFailedTitle: 'L’article n’a pas pu être chargé',
    stateDRAFT: 'Brouillon',
    stateSCHEDULED: 'Programmé',
    statePUBLISHED: 'Publié',
    stateRETRACTED: 'Retiré',
    stateLabel: 'État :',
    stateNew: 'Nouveau — pas encore enregistré',
    draftSince: 'Non publié. Dernier enregistrement le {time}.',
    scheduledFor: 'Sous embargo : parution le {time}.',
    publishedOn: 'Publié le {time}.',
    retractedOn: 'Retiré le {time}. Les lecteurs voient le motif à la place du texte : « {reason} »',
    readerLink: 'Voir comme les lecteurs',
    version: 'Version {version}',
    commentsOn: 'Les commentaires sont ouverts.',
    commentsOff: 'Les commentaires sont fermés.',
    eventsAwaiting: 'Événements en attente d’envoi : {count}',
    articleHeading: 'L’article',
    titleLabel: 'Titre',
    titleHint: '200 caractères au plus. L’adresse suit le titre tant que l’article n’est pas publié.',
    ledeLabel: 'Chapeau',
    ledeHint: 'Le résumé d’ouverture visible de tous, membres ou non. 600 caractères au plus.',
    bodyLabel: 'Texte (Markdown)',
    bodyHint: 'Réservé aux membres. Markdown : une ligne vide entre les paragraphes, **gras**, *italique*, [texte du lien](https://…), des lignes commençant par « - » pour une liste, « ## » pour un intertitre. 100 000 caractères au plus.',
    dateline: 'Lieu et date',
    placeLabel: 'Lieu',
    placeHint: 'D’où la dépêche est envoyée, par ex. Vienne, Autriche. 120 caractères au plus.',
    dateLabel: 'Date',
    tagsLabel: 'Mots-clés',
    tagsHint: 'Séparés par des virgules, 20 au plus. Chacun en minuscules, les mots reliés par des traits d’union, par ex. politique-commerciale, sanctions.',
    regionsLabel: 'Régions',
    regionsHint: 'Séparées par des virgules, 10 au plus. Chacune en minuscules, les mots reliés par des traits d’union, par ex. balkans-occidentaux.',
    countriesLabel: 'Pays',
    countriesHint: 'Codes ISO 3166-1 à deux lettres, séparés par des virgules, 30 au plus, par ex. AT, DE.',
    languageLabel: 'Langue',
    languageHint: 'La langue de l’article sous forme de code BCP 47, par ex. en, fr ou fr-CA.',
    sourceLabel: 'Source (facultatif)',
    sourceHint: 'D’où vient l’information. 300 caractères au plus.',
    translationOfLabel: 'Traduction de (facultatif)',
    translationOfHint: 'L’identifiant de l’article que celui-ci traduit, pour relier les versions linguistiques d’une même dépêche.',
    createDraft: 'Créer le brouillon',
    save: 'Enregistrer les modifications',
    saving: 'Enregistrement…',
    unsaved: 'Modifications non enregistrées',
    readOnly: 'Un article retiré ne peut plus être modifié.',
    draftCreated: 'Brouillon créé.',
    saved: 'Enregistré (version {version}).',
    previewHeading: 'Aperçu',
    previewNote: 'Tel que les lecteurs le verront, d’après le dernier enregistrement.',
    previewAfterSave: 'Créez le brouillon pour en voir l’aperçu.',
    noPreview: 'Le service n’a pas transmis de texte mis en forme pour cet article : pas d’aperçu possible.',
    correctionLabel: 'Rectificatif',
    retractedNotice: 'Cet article a été retiré : {reason}',
    actionsHeading: 'Publication',
    saveFirst: 'Créez d’abord le brouillon ; vous pourrez ensuite le publier ou programmer sa parution ici.',
    publishHeading: 'Publier maintenant',
    publishHint: 'Les lecteurs le voient aussitôt, et les personnes qui suivent ses mots-clés, régions et pays sont prévenues.',
    publish: 'Publier maintenant',
    published: 'Publié.',
    scheduleHeading: 'Embargo',
    publishAtLabel: 'Publier le',
    publishAtHint: 'Dans votre fuseau horaire ({zone}). L’article paraît de lui-même à cette heure-là.',
    schedule: 'Programmer',
    reschedule: 'Déplacer l’embargo',
    scheduled: 'Parution programmée.',
    publishAtRequired: 'Choisissez une date et une heure.',
    publishAtPast: 'Choisissez un moment à venir. Pour publier tout de suite, utilisez « Publier maintenant ».',
    correctionsHeading: 'Rectificatifs',
    noCorrections: 'Aucun rectificatif pour l’instant.',
    noteLabel: 'Texte du rectificatif',
    noteHint: 'Affiché aux lecteurs au-dessus du texte : ce qui était inexact et ce qui est juste. 2 000 caractères au plus.',
    correct: 'Ajouter le rectificatif',
    corrected: 'Rectificatif ajouté.',
    noteRequired: 'Indiquez ce qui a été rectifié.',
    retractHeading: 'Retirer',
    reasonLabel: 'Motif',
    reasonHint: 'Les lecteurs voient ce motif à la place du texte. 2 000 caractères au plus.',
    retract: 'Retirer…',
    reasonRequired: 'Indiquez pourquoi l’article est retiré.',
    retractQuestion: 'Retirer définitivement « {title} » ? Les lecteurs ne verront plus que le motif, et l’article ne pourra plus être modifié ni republié.',
    retractConfirm: 'Oui, le retirer',
    retractCancel: 'Annuler',
    retracted: 'Retiré.',
    retractedNothingMore: 'Un article retiré ne peut plus être publié, rectifié ni modifié.',
    commentsHeading: 'Commentaires',
    commentsTurnOff: 'Fermer les commentaires',
    commentsTurnOn: 'Ouvrir les commentaires',
    commentsNowOn: 'Commentaires ouverts.',
    commentsNowOff: 'Commentaires fermés.',
    nowState: '{done} État : {state}.',
    unsavedFirst: 'Vous avez des modifications non enregistrées. Enregistrez-les d’abord, sinon elles ne feront pas partie de l’article.',
    conflict: 'Quelqu’un d’autre a modifié cet article depuis que vous l’avez ouvert (il en est à la version {version}). Chargez sa version pour continuer ; vos modifications dans le formulaire seront remplacées, copiez d’abord ce que vous voulez garder.',
    reload: 'Charger la dernière version',
    reloaded: 'La dernière version est chargée.',
    slugTaken: 'Un autre article a pris l’adresse de ce titre pendant l’enregistrement ; rien n’a été modifié. Enregistrez de nouveau et une adresse libre lui sera attribuée.',
    sessionEnded: 'Votre session a expiré. Veuillez vous reconnecter ; votre saisie reste ici.',
    unreachable: 'VisaPort est momentanément injoignable, ou sa réponse ne nous est pas parvenue. Veuillez réessayer.',
  },
};

function list(text) {
  return String(text || '').split(',').map((item) => item.trim()).filter(Boolean);
}

function joined(items) {
  return Array.isArray(items) ? items.filter((item) => typeof item === 'string').join(', ') : '';
}

function pad(number) {
  return String(number).padStart(2, '0');
}

/** A moment as a datetime-local value in the browser's time zone ('' when there is none). */
function localInput(iso) {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return '';
  }
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function timeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A moment with its time zone, for embargoes: the hour matters. */
function zonedTime(iso, lang) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) {
    return h('span', {}, '');
  }
  const text = new Intl.DateTimeFormat(lang, {
    year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  }).format(date);
  return h('time', { datetime: iso }, text);
}

/** A text with {placeholders}, some filled with elements rather than strings. */
function compose(text, parts) {
  return String(text).split(/(\{\w+\})/).filter(Boolean).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name && name in parts ? parts[name] : piece;
  });
}

/**
 * Sanitised article HTML for the preview, its headings moved two levels down: the page's own h1 and h2 stay the only
 * ones at the top, as the outline of the page needs, and a "# heading" in the body still reads as the body's heading.
 */
function previewBody(html) {
  const body = trustedHtml('div', html, { class: 'newsroom-preview-body' });
  body.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((heading) => {
    const level = Math.min(6, Number(heading.tagName.slice(1)) + 2);
    const moved = document.createElement(`h${level}`);
    for (const attribute of heading.attributes) {
      moved.setAttribute(attribute.name, attribute.value);
    }
    moved.append(...heading.childNodes);
    heading.replaceWith(moved);
  });
  return body;
}

export async function render(ctx) {
  const { main, params, query, api, t, lang, setTitle, signInLink, navigate } = ctx;
  const isNew = params.articleId === 'new';
  const id = isNew ? null : String(params.articleId || '');
  const address = id ? `${ADMIN}/${encodeURIComponent(id)}` : null;
  let view = null;
  let stopped = false;

  const back = h('p', {}, link('/newsroom', { id: 'back-to-newsroom' }, t.backToNewsroom));
  if (!isNew) {
    try {
      view = await api(address);
    } catch (error) {
      if (error?.status === 404) {
        setTitle(t.notFoundTitle);
        main.append(back, h('h1', {}, t.notFoundTitle), h('p', { id: 'article-missing' }, t.articleNotFound));
        return undefined;
      }
      setTitle(t.loadFailedTitle);
      main.append(back, h('h1', {}, t.loadFailedTitle), h('div', { role: 'alert', id: 'editor-alert' }, problemContent(error)));
      return undefined;
    }
    if (!view || typeof view !== 'object') {
      view = {};
    }
  }

  const heading = h('h1', { id: 'editor-title' });
  const stateBox = h('div', { id: 'article-state', class: 'newsroom-article-state', tabindex: '-1' });
  const message = h('p', { id: 'editor-message', role: 'status', class: 'success' });
  const alert = h('div', { id: 'editor-alert', role: 'alert' });
  const formHolder = h('div');
  const preview = h('div', { id: 'preview', class: 'newsroom-preview' });
  const actions = h('div', { id: 'article-actions' });
  main.append(back, heading, stateBox, message, alert,
    h('section', { 'aria-labelledby': 'article-heading' }, h('h2', { id: 'article-heading' }, t.articleHeading), formHolder),
    h('section', { 'aria-labelledby': 'preview-heading' }, h('h2', { id: 'preview-heading' }, t.previewHeading), preview),
    h('section', { 'aria-labelledby': 'actions-heading' }, h('h2', { id: 'actions-heading' }, t.actionsHeading), actions));

  let form = null;
  let saveButton = null;
  let unsavedNote = null;
  let snapshot = '';
  // The key of the create call, kept while the same content is sent again (a retry after a lost answer), so the
  // service returns the draft it made instead of making a second one.
  let createKey = null;
  let createFingerprint = null;

  function problemContent(error) {
    if (error?.status === 401) {
      return h('p', { class: 'problem' }, t.sessionEnded, ' ', signInLink(t.signIn));
    }
    if (error instanceof TypeError) {
      return h('p', { class: 'problem' }, t.unreachable);
    }
    return h('p', { class: 'problem' }, error?.message || t.failed);
  }

  function say(text) {
    replace(alert);
    message.textContent = '';
    setTimeout(() => { message.textContent = text; }, 50);
  }

  function complain(...content) {
    message.textContent = '';
    replace(alert, ...content);
  }

  function stateName(status) {
    return t[`state${status}`] || t.stateDRAFT;
  }

  function articleBody() {
    const v = values(form);
    const body = {
      title: v.title ?? '',
      lede: v.lede ?? '',
      body: form.elements.namedItem('body')?.value ?? '',
      dateline: { place: v['dateline.place'] ?? '', date: v['dateline.date'] || null },
      tags: list(v.tags),
      regions: list(v.regions),
      // Codes are upper case for the API; editors often type them in lower case.
      countries: list(v.countries).map((code) => code.toUpperCase()),
      language: v.language ?? '',
      source: v.source || null,
    };
    if (isNew && v.translationOf) {
      body.translationOf = v.translationOf;
    }
    return body;
  }

  function isDirty() {
    return Boolean(form) && JSON.stringify(articleBody()) !== snapshot;
  }

  function showTitle() {
    const title = view?.title || (isNew ? t.newTitle : t.untitled);
    heading.textContent = isNew ? t.newTitle : title;
    setTitle(isNew ? t.newTitle : format(t.editTitle, { title }));
  }

  function showState() {
    if (!view) {
      replace(stateBox, h('p', {}, h('span', { class: 'newsroom-state-label' }, t.stateLabel), ' ', h('span', { class: 'newsroom-state newsroom-state-draft' }, t.stateNew)));
      return;
    }
    const status = ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'RETRACTED'].includes(view.status) ? view.status : 'DRAFT';
    let detail = null;
    if (status === 'DRAFT' && view.updatedAt) {
      detail = compose(t.draftSince, { time: time(view.updatedAt, lang, true) });
    } else if (status === 'SCHEDULED') {
      detail = compose(t.scheduledFor, { time: zonedTime(view.publishAt, lang) });
    } else if (status === 'PUBLISHED') {
      detail = compose(t.publishedOn, { time: time(view.publishedAt, lang, true) });
    } else if (status === 'RETRACTED') {
      detail = compose(t.retractedOn, {
        time: time(view.retraction?.at || view.updatedAt, lang, true), reason: view.retraction?.reason || '',
      });
    }
    const readable = (status === 'PUBLISHED' || status === 'RETRACTED') && view.slug;
    replace(stateBox,
      h('p', {}, h('span', { class: 'newsroom-state-label' }, t.stateLabel), ' ', stateBadge(status, t)),
      h('ul', { class: 'newsroom-state-details' },
        detail && h('li', { id: 'state-detail' }, detail),
        Number.isFinite(view.version) && h('li', { id: 'article-version' }, format(t.version, { version: view.version })),
        h('li', { id: 'comments-state' }, view.commentsEnabled === false ? t.commentsOff : t.commentsOn),
        Number.isFinite(view.eventsAwaitingDelivery) && h('li', { id: 'events-awaiting' },
          format(t.eventsAwaiting, { count: view.eventsAwaitingDelivery })),
        readable && h('li', {}, link(`/news/${encodeURIComponent(view.slug)}`, { id: 'reader-link' }, t.readerLink))));
  }

  function buildForm() {
    const v = view || {};
    const retracted = v.status === 'RETRACTED';
    const today = localInput(new Date().toISOString()).slice(0, 10);
    saveButton = h('button', { type: 'submit', class: 'primary', id: 'save', disabled: retracted }, isNew ? t.createDraft : t.save);
    unsavedNote = h('span', { id: 'unsaved', class: 'meta', hidden: true }, t.unsaved);
    const readOnly = retracted || undefined;
    form = h('form', { id: 'article-form', novalidate: true, onsubmit: save, oninput: markDirty },
      retracted && h('p', { class: 'note', id: 'read-only' }, t.readOnly),
      field({ label: t.titleLabel, name: 'title', value: v.title ?? '', required: true, maxlength: LIMITS.title,
        hint: t.titleHint, readonly: readOnly }),
      field({ label: t.ledeLabel, name: 'lede', type: 'textarea', rows: 3, value: v.lede ?? '', required: true,
        maxlength: LIMITS.lede, hint: t.ledeHint, readonly: readOnly }),
      field({ label: t.bodyLabel, name: 'body', type: 'textarea', rows: 16, value: v.body ?? '', required: true,
        maxlength: LIMITS.body, hint: t.bodyHint, readonly: readOnly, class: 'newsroom-markdown' }),
      h('fieldset', { class: 'newsroom-dateline' }, h('legend', {}, t.dateline),
        field({ label: t.placeLabel, name: 'dateline.place', value: v.dateline?.place ?? '', required: true,
          maxlength: LIMITS.place, hint: t.placeHint, readonly: readOnly }),
        field({ label: t.dateLabel, name: 'dateline.date', type: 'date', value: v.dateline?.date ?? (isNew ? today : ''),
          required: true, readonly: readOnly })),
      field({ label: t.tagsLabel, name: 'tags', value: joined(v.tags), hint: t.tagsHint, readonly: readOnly,
        autocomplete: 'off', spellcheck: 'false' }),
      field({ label: t.regionsLabel, name: 'regions', value: joined(v.regions), hint: t.regionsHint, readonly: readOnly,
        autocomplete: 'off', spellcheck: 'false' }),
      field({ label: t.countriesLabel, name: 'countries', value: joined(v.countries), hint: t.countriesHint,
        readonly: readOnly, autocomplete: 'off', spellcheck: 'false' }),
      field({ label: t.languageLabel, name: 'language', value: v.language ?? (isNew ? lang : ''), required: true,
        maxlength: LIMITS.language, hint: t.languageHint, readonly: readOnly, autocomplete: 'off', spellcheck: 'false' }),
      field({ label: t.sourceLabel, name: 'source', value: v.source ?? '', maxlength: LIMITS.source, hint: t.sourceHint,
        readonly: readOnly }),
      isNew && field({ label: t.translationOfLabel, name: 'translationOf', value: query.get('translationOf') || '',
        maxlength: 64, hint: t.translationOfHint, autocomplete: 'off', spellcheck: 'false' }),
      h('p', { class: 'actions' }, saveButton, unsavedNote));
    replace(formHolder, form);
    snapshot = JSON.stringify(articleBody());
  }

  function markDirty() {
    if (unsavedNote) {
      unsavedNote.hidden = !isDirty();
    }
  }

  function showPreview() {
    if (!view) {
      replace(preview, h('p', { class: 'note' }, t.previewAfterSave));
      return;
    }
    const retracted = view.status === 'RETRACTED';
    const corrections = Array.isArray(view.corrections) ? view.corrections.filter((c) => c && c.note) : [];
    const dateline = view.dateline && [view.dateline.place, view.dateline.date].filter(Boolean).join(' — ');
    let body;
    if (retracted) {
      body = h('p', { class: 'retracted' }, format(t.retractedNotice, { reason: view.retraction?.reason || '' }));
    } else if (typeof view.bodyHtml === 'string' && view.bodyHtml.trim()) {
      body = previewBody(view.bodyHtml);
    } else {
      body = h('p', { class: 'note', id: 'no-preview' }, t.noPreview);
    }
    replace(preview,
      h('p', { class: 'note' }, t.previewNote),
      h('article', { class: 'newsroom-preview-article', lang: view.language || undefined },
        h('h3', { class: 'newsroom-preview-title' }, view.title || t.untitled),
        dateline && h('p', { class: 'meta' }, dateline),
        view.lede && h('p', { class: 'newsroom-preview-lede' }, view.lede),
        corrections.map((c) => h('p', { class: 'correction' }, h('strong', {}, `${t.correctionLabel} `),
          c.at ? [time(c.at, lang), ': '] : null, c.note)),
        body));
  }

  function showActions() {
    if (!view) {
      replace(actions, h('p', { class: 'note', id: 'save-first' }, t.saveFirst));
      return;
    }
    const status = view.status;
    const parts = [];
    if (status === 'DRAFT' || status === 'SCHEDULED') {
      parts.push(h('section', { class: 'newsroom-action', 'aria-labelledby': 'publish-heading' },
        h('h3', { id: 'publish-heading' }, t.publishHeading),
        h('p', { class: 'hint', id: 'publish-hint' }, t.publishHint),
        h('p', {}, h('button', { type: 'button', class: 'primary', id: 'publish', 'aria-describedby': 'publish-hint',
          onclick: () => act('publish', {}, { done: t.published }) }, t.publish))));
      parts.push(scheduleSection(status));
    }
    if (status === 'PUBLISHED' || status === 'RETRACTED') {
      parts.push(correctionsSection(status === 'PUBLISHED'));
    }
    if (status === 'PUBLISHED') {
      parts.push(retractSection());
    }
    if (status === 'RETRACTED') {
      parts.push(h('p', { class: 'note' }, t.retractedNothingMore));
    }
    const on = view.commentsEnabled !== false;
    parts.push(h('section', { class: 'newsroom-action', 'aria-labelledby': 'comments-heading' },
      h('h3', { id: 'comments-heading' }, t.commentsHeading),
      h('p', {}, on ? t.commentsOn : t.commentsOff),
      h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'comments-toggle',
        onclick: () => act('comments', { enabled: !on }, { done: on ? t.commentsNowOff : t.commentsNowOn, anyEdits: true }) },
      on ? t.commentsTurnOff : t.commentsTurnOn))));
    replace(actions, parts);
  }

  function scheduleSection(status) {
    const zone = timeZone();
    const scheduleForm = h('form', { id: 'schedule-form', novalidate: true },
      field({ label: t.publishAtLabel, name: 'publishAt', type: 'datetime-local', hint: format(t.publishAtHint, { zone }),
        value: status === 'SCHEDULED' ? localInput(view.publishAt) : '', min: localInput(new Date().toISOString()),
        required: true }),
      h('p', {}, h('button', { type: 'submit', class: 'secondary', id: 'schedule' },
        status === 'SCHEDULED' ? t.reschedule : t.schedule)));
    scheduleForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = scheduleForm.elements.namedItem('publishAt').value;
      // datetime-local has no zone: the browser reads it as local time, which is what the editor meant.
      const at = chosen ? new Date(chosen) : null;
      if (!at || Number.isNaN(at.getTime())) {
        showErrors(scheduleForm, { fieldErrors: [{ field: 'publishAt', message: t.publishAtRequired }] }, t);
        return;
      }
      // The service publishes at once for a time already past; that must be a deliberate "Publish now", not a slip.
      if (at.getTime() <= Date.now()) {
        showErrors(scheduleForm, { fieldErrors: [{ field: 'publishAt', message: t.publishAtPast }] }, t);
        return;
      }
      act('schedule', { publishAt: at.toISOString() }, { form: scheduleForm, done: t.scheduled });
    });
    return h('section', { class: 'newsroom-action', 'aria-labelledby': 'schedule-heading' },
      h('h3', { id: 'schedule-heading' }, t.scheduleHeading), scheduleForm);
  }

  function correctionsSection(canAdd) {
    const corrections = Array.isArray(view.corrections) ? view.corrections.filter((c) => c && c.note) : [];
    const existing = corrections.length === 0 ? h('p', { class: 'meta' }, t.noCorrections)
      : h('ul', { id: 'corrections' }, corrections.map((c) => h('li', {}, c.at ? [time(c.at, lang, true), ': '] : null, c.note)));
    let correctionForm = null;
    if (canAdd) {
      correctionForm = h('form', { id: 'correction-form', novalidate: true },
        field({ label: t.noteLabel, name: 'note', type: 'textarea', rows: 3, maxlength: LIMITS.note, hint: t.noteHint,
          required: true }),
        h('p', {}, h('button', { type: 'submit', class: 'secondary', id: 'correct' }, t.correct)));
      correctionForm.addEventListener('submit', (event) => {
        event.preventDefault();
        const note = correctionForm.elements.namedItem('note').value.trim();
        if (!note) {
          showErrors(correctionForm, { fieldErrors: [{ field: 'note', message: t.noteRequired }] }, t);
          return;
        }
        act('corrections', { note }, { form: correctionForm, done: t.corrected });
      });
    }
    return h('section', { class: 'newsroom-action', 'aria-labelledby': 'corrections-heading' },
      h('h3', { id: 'corrections-heading' }, t.correctionsHeading), existing, correctionForm);
  }

  function retractSection() {
    const confirmStep = h('div', { id: 'retract-confirm-step', class: 'newsroom-confirm', hidden: true });
    const retractButton = h('button', { type: 'submit', class: 'danger', id: 'retract' }, t.retract);
    const retractForm = h('form', { id: 'retract-form', novalidate: true },
      field({ label: t.reasonLabel, name: 'reason', type: 'textarea', rows: 3, maxlength: LIMITS.note, hint: t.reasonHint,
        required: true }),
      h('p', {}, retractButton), confirmStep);
    const reasonControl = retractForm.elements.namedItem('reason');

    function cancel() {
      confirmStep.hidden = true;
      replace(confirmStep);
      retractButton.hidden = false;
      retractButton.focus();
    }

    retractForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const reason = reasonControl.value.trim();
      if (!reason) {
        showErrors(retractForm, { fieldErrors: [{ field: 'reason', message: t.reasonRequired }] }, t);
        return;
      }
      clearErrors(retractForm);
      const question = h('p', { id: 'retract-question', tabindex: '-1' },
        h('strong', {}, format(t.retractQuestion, { title: view.title || t.untitled })));
      replace(confirmStep, question,
        h('p', { class: 'actions' },
          h('button', { type: 'button', class: 'danger', id: 'retract-confirm',
            onclick: () => act('retract', { reason }, { form: retractForm, done: t.retracted, anyEdits: true }) }, t.retractConfirm),
          h('button', { type: 'button', class: 'secondary', id: 'retract-cancel', onclick: cancel }, t.retractCancel)));
      retractButton.hidden = true;
      confirmStep.hidden = false;
      question.focus();
    });
    // Changing the reason after the question was asked asks again, so what is confirmed is what is sent.
    reasonControl.addEventListener('input', () => {
      if (!confirmStep.hidden) {
        confirmStep.hidden = true;
        replace(confirmStep);
        retractButton.hidden = false;
      }
    });
    return h('section', { class: 'newsroom-action', 'aria-labelledby': 'retract-heading' },
      h('h3', { id: 'retract-heading' }, t.retractHeading), retractForm);
  }

  function showAll() {
    showTitle();
    showState();
    showPreview();
    showActions();
  }

  function showConflict(error) {
    const version = error.problem?.currentVersion ?? '?';
    complain(h('p', { class: 'problem' }, format(t.conflict, { version })),
      h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'reload', onclick: reload }, t.reload)));
    alert.querySelector('#reload')?.focus();
  }

  function showProblem(error, onForm) {
    if (error?.status === 409 && error.kind === 'slug-taken') {
      complain(h('p', { class: 'problem' }, t.slugTaken));
    } else if (error?.status === 409 && error.problem?.currentVersion !== undefined) {
      showConflict(error);
    } else if (onForm && (error?.status === 400 || error?.status === 422 || error?.status === 413)) {
      message.textContent = '';
      replace(alert);
      showErrors(onForm, error, t);
    } else {
      complain(problemContent(error));
    }
  }

  async function reload() {
    try {
      view = await api(address);
      if (stopped) {
        return;
      }
      buildForm();
      showAll();
      say(t.reloaded);
      stateBox.focus();
    } catch (error) {
      if (!stopped) {
        complain(problemContent(error));
      }
    }
  }

  async function save(event) {
    event.preventDefault();
    clearErrors(form);
    replace(alert);
    const body = articleBody();
    saveButton.disabled = true;
    saveButton.textContent = t.saving;
    try {
      if (isNew) {
        const fingerprint = JSON.stringify(body);
        if (fingerprint !== createFingerprint) {
          createKey = newIdempotencyKey();
          createFingerprint = fingerprint;
        }
        const created = await api(ADMIN, { method: 'POST', body, headers: { 'Idempotency-Key': createKey } });
        if (!created?.id) {
          throw new Error(t.failed);
        }
        if (!stopped) {
          carried = { id: created.id, text: t.draftCreated };
          navigate(`/newsroom/${encodeURIComponent(created.id)}`, { replace: true });
        }
        return;
      }
      const saved = await api(address, { method: 'PUT', body: { ...body, version: view.version } });
      if (stopped) {
        return;
      }
      view = saved || view;
      snapshot = JSON.stringify(body);
      markDirty();
      showAll();
      say(format(t.saved, { version: view.version ?? '' }));
    } catch (error) {
      if (!stopped) {
        showProblem(error, form);
      }
    } finally {
      saveButton.disabled = view?.status === 'RETRACTED';
      saveButton.textContent = isNew ? t.createDraft : t.save;
    }
  }

  /**
   * One of the editorial actions on the version shown. Publishing, scheduling and correcting wait for unsaved edits to
   * be saved, so what goes out is what the editor sees; then the article is read again for its state and the events
   * still waiting to leave.
   */
  async function act(action, payload, { form: actionForm, done, anyEdits = false }) {
    if (!anyEdits && isDirty()) {
      complain(h('p', { class: 'problem' }, t.unsavedFirst));
      saveButton?.focus();
      return;
    }
    replace(alert);
    message.textContent = '';
    if (actionForm) {
      clearErrors(actionForm);
    }
    const buttons = [...actions.querySelectorAll('button')];
    buttons.forEach((button) => { button.disabled = true; });
    try {
      let answer = await api(`${address}/${action}`, { method: 'POST', body: { version: view.version, ...payload } });
      try {
        answer = await api(address);
      } catch {
        // The action's own answer is the article as it was saved; it does for now.
      }
      if (stopped) {
        return;
      }
      const keepEdits = isDirty();
      view = answer || view;
      if (!keepEdits || view.status === 'RETRACTED') {
        buildForm();
      }
      showAll();
      say(format(t.nowState, { done, state: stateName(view.status) }));
      stateBox.focus();
    } catch (error) {
      buttons.forEach((button) => { button.disabled = false; });
      if (!stopped) {
        showProblem(error, actionForm);
      }
    }
  }

  buildForm();
  showAll();
  if (carried && view && carried.id === view.id) {
    message.textContent = carried.text;
  }
  carried = null;
  return () => { stopped = true; };
}
