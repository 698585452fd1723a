// One briefing: the full text for members, the teaser and a "members only" box for everyone else, its language
// versions, corrections and retraction, and the discussion beneath it. The members-only text goes nowhere but the
// body element: not the title, not a heading, not an announcement.
import { h, link, replace, trustedHtml } from '../dom.js';
import { format } from '../i18n.js';
import { renderComments, texts as commentTexts } from './comments.js';

export const texts = {
  en: {
    ...commentTexts.en,
    allNews: 'All news',
    breadcrumb: 'Breadcrumb',
    by: 'By {name}',
    published: 'Published {date}',
    inLanguage: 'In {language}',
    versions: 'Other language versions',
    alsoIn: 'Also in:',
    tagsLabel: 'Tags',
    filterByTag: 'Briefings tagged {tag}',
    corrections: 'Corrections',
    correction: 'Correction of {date}:',
    retracted: 'This briefing has been retracted',
    retractedOn: 'Retracted on {date}.',
    retractedReason: 'Reason:',
    membersOnlyTitle: 'Members only',
    membersOnly: 'The full text of this briefing is for members of VisaPort. Sign in or sign up to read it.',
    membersOnlyApplicant: 'Your application is under review. Once a moderator has approved it, you can read the full text here.',
    membersOnlyInactive: 'The full text is for active members. Your account has no active membership at the moment.',
    seeProfile: 'See your profile',
    signUpForIt: 'Sign up',
    source: 'Source: {source}',
    notFoundTitle: 'Briefing not found',
    notFoundText: 'There is no briefing at this address. It may have been moved, or it is not published yet.',
    failedLoad: 'This briefing could not be loaded.',
    retry: 'Try again',
    loadingArticle: 'Loading the briefing…',
  },
  fr: {
    ...commentTexts.fr,
    allNews: 'Toutes les actualités',
    breadcrumb: 'Fil d’Ariane',
    by: 'Par {name}',
    published: 'Publié le {date}',
    inLanguage: 'En {language}',
    versions: 'Autres versions linguistiques',
    alsoIn: 'Aussi en :',
    tagsLabel: 'Mots-clés',
    filterByTag: 'Dépêches avec le mot-clé {tag}',
    corrections: 'Rectificatifs',
    correction: 'Rectificatif du {date} :',
    retracted: 'Cette dépêche a été retirée',
    retractedOn: 'Retirée le {date}.',
    retractedReason: 'Motif :',
    membersOnlyTitle: 'Réservé aux membres',
    membersOnly: 'Le texte intégral de cette dépêche est réservé aux membres de VisaPort. Connectez-vous ou inscrivez-vous pour le lire.',
    membersOnlyApplicant: 'Votre demande est en cours d’examen. Dès qu’un modérateur l’aura approuvée, vous pourrez lire ici le texte intégral.',
    membersOnlyInactive: 'Le texte intégral est réservé aux membres actifs. Votre compte n’a pas d’adhésion active pour le moment.',
    seeProfile: 'Voir votre profil',
    signUpForIt: 'S’inscrire',
    source: 'Source : {source}',
    notFoundTitle: 'Dépêche introuvable',
    notFoundText: 'Il n’y a pas de dépêche à cette adresse. Elle a peut-être été déplacée, ou n’est pas encore publiée.',
    failedLoad: 'Cette dépêche n’a pas pu être chargée.',
    retry: 'Réessayer',
    loadingArticle: 'Chargement de la dépêche…',
  },
};

function languageName(code, lang, capitalised = true) {
  if (!code) {
    return '';
  }
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code);
    return name && capitalised ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : name || code;
  } catch {
    return code;
  }
}

/** A language tag fit for a lang attribute, or nothing (a bad one would mislead screen readers more than none). */
function langAttribute(code) {
  try {
    return code ? Intl.getCanonicalLocales(code)[0] : undefined;
  } catch {
    return undefined;
  }
}

function validDate(value) {
  const parsed = value ? new Date(value) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
}

/** A calendar day such as a dateline's: that day wherever the reader is. */
function day(value, lang) {
  const text = value ? String(value).slice(0, 10) : '';
  const parsed = validDate(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : value);
  return parsed
    ? h('time', { datetime: text }, new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed))
    : null;
}

/** A moment (publication, correction): in the reader's time zone. */
function moment(value, lang) {
  const parsed = validDate(value);
  return parsed ? h('time', { datetime: parsed.toISOString() }, new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(parsed)) : null;
}

/** Puts a <time> (or any node) where {name} stands in a text, so dates stay machine-readable inside sentences. */
function sentence(text, name, node) {
  const [before, after = ''] = String(text).split(`{${name}}`);
  return [before, node, after];
}

function header(article, t, lang, contentLang) {
  const place = article.dateline?.place;
  const dated = day(article.dateline?.date, lang);
  const published = moment(article.publishedAt, lang);
  const tags = Array.isArray(article.tags) ? article.tags.filter(Boolean) : [];
  const versions = (Array.isArray(article.translations) ? article.translations : [])
    .filter((version) => version && version.slug && version.slug !== article.slug);
  return h('header', { class: 'article-header' },
    h('nav', { 'aria-label': t.breadcrumb, class: 'article-breadcrumb' }, link('/news', { id: 'article-back' }, t.allNews)),
    h('h1', { id: 'article-title', lang: contentLang }, article.title || article.slug || '—'),
    (place || dated) ? h('p', { class: 'dateline', id: 'article-dateline' },
      place ? h('span', { class: 'dateline-place' }, place) : null, place && dated ? ' — ' : null, dated) : null,
    h('p', { class: 'meta article-meta' },
      published ? h('span', {}, sentence(t.published, 'date', published)) : null,
      article.author?.displayName ? h('span', {}, format(t.by, { name: article.author.displayName })) : null,
      article.language ? h('span', {}, format(t.inLanguage, { language: languageName(article.language, lang, false) })) : null),
    versions.length > 0 ? h('nav', { id: 'article-translations', class: 'article-translations', 'aria-label': t.versions },
      h('span', { class: 'versions-label' }, t.alsoIn), ' ',
      h('ul', {}, versions.map((version) => h('li', {},
        link(`/news/${encodeURIComponent(version.slug)}`, { hreflang: langAttribute(version.language), 'data-language': version.language || '' },
          languageName(version.language, lang) || version.slug))))) : null,
    tags.length > 0 ? h('ul', { class: 'tags', 'aria-label': t.tagsLabel }, tags.map((tag) =>
      h('li', {}, link(`/news?tag=${encodeURIComponent(tag)}`, { 'aria-label': format(t.filterByTag, { tag }) }, `#${tag}`)))) : null);
}

function corrections(article, t, lang, contentLang) {
  const notes = (Array.isArray(article.corrections) ? article.corrections : []).filter((c) => c && c.note);
  if (notes.length === 0) {
    return null;
  }
  return h('section', { class: 'correction article-corrections', id: 'article-corrections', 'aria-labelledby': 'corrections-heading' },
    h('h2', { id: 'corrections-heading' }, t.corrections),
    h('ul', {}, notes.map((correction) => {
      const when = moment(correction.at, lang);
      return h('li', { class: 'correction-note' },
        when ? h('strong', {}, sentence(t.correction, 'date', when)) : null, when ? ' ' : null,
        h('span', { lang: contentLang }, correction.note));
    })));
}

function retraction(article, t, lang, contentLang) {
  const when = moment(article.retraction.at, lang);
  return h('section', { class: 'retracted', id: 'article-retracted', 'aria-labelledby': 'retracted-heading' },
    h('h2', { id: 'retracted-heading' }, t.retracted),
    when ? h('p', {}, sentence(t.retractedOn, 'date', when)) : null,
    article.retraction.reason ? h('p', {}, h('strong', {}, t.retractedReason), ' ',
      h('span', { id: 'retraction-reason', lang: contentLang }, article.retraction.reason)) : null);
}

function membersOnlyBox({ session, hasRole, signInLink }, t) {
  let content;
  if (!session.signedIn) {
    content = [h('p', {}, t.membersOnly),
      h('p', { class: 'actions' }, signInLink(t.signIn, { class: 'button', id: 'members-only-sign-in' }),
        link('/signup', { class: 'button secondary', id: 'members-only-sign-up' }, t.signUpForIt))];
  } else if (hasRole('applicant')) {
    content = [h('p', { id: 'application-under-review' }, t.membersOnlyApplicant)];
  } else {
    content = [h('p', {}, t.membersOnlyInactive), h('p', {}, link('/profile', {}, t.seeProfile))];
  }
  return h('section', { class: 'members-only', id: 'members-only', 'aria-labelledby': 'members-only-heading' },
    h('h2', { id: 'members-only-heading' }, t.membersOnlyTitle), content);
}

function notFound(main, t, setTitle) {
  setTitle(t.notFoundTitle);
  replace(main, h('div', { class: 'article-missing', id: 'article-not-found' },
    h('h1', {}, t.notFoundTitle), h('p', { class: 'status-code' }, '404'), h('p', {}, t.notFoundText),
    h('p', {}, link('/news', { class: 'button', id: 'article-back' }, t.backToNews))));
}

export async function render(ctx) {
  const { main, params, lang, t, api, setTitle } = ctx;
  const controller = new AbortController();
  let stopComments = null;
  setTitle(t.loadingArticle);

  async function show() {
    let article;
    try {
      article = await api(`/api/news/articles/by-slug/${encodeURIComponent(params.slug || '')}`, { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) {
        return;
      }
      if (error?.status === 404 || error?.status === 400) {
        notFound(main, t, setTitle);
        return;
      }
      setTitle(t.failedLoad);
      replace(main, h('h1', {}, t.failedLoad),
        h('div', { role: 'alert', id: 'article-error' }, h('p', { class: 'problem' }, error?.status ? error.message : t.unavailable)),
        h('p', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'article-retry', onclick: () => show() }, t.retry),
          link('/news', {}, t.backToNews)));
      return;
    }
    if (!article || typeof article !== 'object') {
      notFound(main, t, setTitle);
      return;
    }
    setTitle(article.title || article.slug || t.notFoundTitle);
    const contentLang = langAttribute(article.language);
    let text;
    if (article.retraction) {
      text = retraction(article, t, lang, contentLang);
    } else if (typeof article.bodyHtml === 'string' && article.bodyHtml) {
      text = trustedHtml('div', article.bodyHtml, { id: 'article-body', class: 'article-body', lang: contentLang });
    } else if (article.membersOnly) {
      text = membersOnlyBox(ctx, t);
    }
    const comments = h('section', { id: 'comments', class: 'comments', 'aria-labelledby': 'comments-heading' });
    replace(main, h('article', { class: 'briefing', id: 'article', dataset: { articleId: article.id || '' } },
      header(article, t, lang, contentLang),
      corrections(article, t, lang, contentLang),
      // A retracted briefing shows why it was withdrawn, not what it said.
      article.lede && !article.retraction ? h('p', { class: 'lede', id: 'article-lede', lang: contentLang }, article.lede) : null,
      text,
      article.source && !article.retraction ? h('p', { class: 'meta article-source' }, format(t.source, { source: article.source })) : null),
    comments);
    if (article.id) {
      stopComments = renderComments(comments, ctx, article);
    }
  }

  await show();
  return () => {
    controller.abort();
    stopComments?.();
  };
}
