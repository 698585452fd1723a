// The newsroom's desk: the briefings it works on, by state, and the way to start a new one.
// news-service has no list of the newsroom's own articles (drafts and embargoed ones are found by id only), so the page
// shows the published briefings from the public list plus the articles this browser created or opened in the editor,
// each read afresh from the admin view so its state is the current one.
import { h, link, replace, time } from '../dom.js';
import { format } from '../i18n.js';

const KNOWN_KEY = 'visaport.newsroom.articles';
const KNOWN_MAX = 100;
const PARALLEL_READS = 4;
const STATES = ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'RETRACTED'];

export const texts = {
  en: {
    title: 'Newsroom',
    newArticle: 'New briefing',
    intro: 'The briefings the newsroom is working on: drafts, embargoed ones, published and retracted.',
    partialList: 'VisaPort cannot list all of the newsroom’s articles yet. This page shows every published briefing, plus the drafts, embargoed and retracted articles created or opened in this browser. A draft written elsewhere shows here once you open it by its address.',
    sectionDRAFT: 'Drafts',
    sectionSCHEDULED: 'Scheduled',
    sectionPUBLISHED: 'Published',
    sectionRETRACTED: 'Retracted',
    stateDRAFT: 'Draft',
    stateSCHEDULED: 'Scheduled',
    statePUBLISHED: 'Published',
    stateRETRACTED: 'Retracted',
    editedAt: 'Last edited {time}',
    goesOutAt: 'Goes out {time}',
    publishedAt: 'Published {time}',
    retractedAt: 'Retracted {time}',
    untitled: '(untitled)',
    nothingYet: 'No articles yet. Start with a new briefing.',
    noneInState: 'None.',
    morePublished: 'Show more published briefings',
    loadingMore: 'Loading…',
    unreadable: 'Article {id} could not be loaded: {reason}',
    publicListFailed: 'The published briefings could not be loaded: {reason}',
    sessionEnded: 'Your session has ended. Please sign in again.',
    unreachable: 'VisaPort cannot be reached right now. Please try again later.',
  },
  fr: {
    title: 'Rédaction',
    newArticle: 'Nouvelle dépêche',
    intro: 'Les dépêches sur lesquelles travaille la rédaction : brouillons, sous embargo, publiées et retirées.',
    partialList: 'VisaPort ne sait pas encore lister tous les articles de la rédaction. Cette page affiche toutes les dépêches publiées, ainsi que les brouillons, articles sous embargo et articles retirés créés ou ouverts dans ce navigateur. Un brouillon rédigé ailleurs apparaît ici dès que vous l’ouvrez par son adresse.',
    sectionDRAFT: 'Brouillons',
    sectionSCHEDULED: 'Programmés',
    sectionPUBLISHED: 'Publiés',
    sectionRETRACTED: 'Retirés',
    stateDRAFT: 'Brouillon',
    stateSCHEDULED: 'Programmé',
    statePUBLISHED: 'Publié',
    stateRETRACTED: 'Retiré',
    editedAt: 'Modifié le {time}',
    goesOutAt: 'Parution le {time}',
    publishedAt: 'Publié le {time}',
    retractedAt: 'Retiré le {time}',
    untitled: '(sans titre)',
    nothingYet: 'Aucun article pour l’instant. Commencez par une nouvelle dépêche.',
    noneInState: 'Aucun.',
    morePublished: 'Afficher d’autres dépêches publiées',
    loadingMore: 'Chargement…',
    unreadable: 'L’article {id} n’a pas pu être chargé : {reason}',
    publicListFailed: 'Les dépêches publiées n’ont pas pu être chargées : {reason}',
    sessionEnded: 'Votre session a expiré. Veuillez vous reconnecter.',
    unreachable: 'VisaPort est momentanément injoignable. Veuillez réessayer plus tard.',
  },
};

/** The ids of the articles this browser created or opened in the editor, most recent first. */
export function knownArticles() {
  try {
    const ids = JSON.parse(localStorage.getItem(KNOWN_KEY) || '[]');
    return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string' && id) : [];
  } catch {
    return [];
  }
}

function storeKnown(ids) {
  try {
    localStorage.setItem(KNOWN_KEY, JSON.stringify(ids.slice(0, KNOWN_MAX)));
  } catch {
    // Storage refused (private browsing, full): the list then shows the published briefings only.
  }
}

/** Keeps an article on this browser's newsroom list. */
export function rememberArticle(id) {
  if (id) {
    storeKnown([id, ...knownArticles().filter((known) => known !== id)]);
  }
}

/** Drops an article that no longer exists from this browser's list. */
export function forgetArticle(id) {
  storeKnown(knownArticles().filter((known) => known !== id));
}

/** A state's label as a badge the list and the editor share. */
export function stateBadge(state, t) {
  const known = STATES.includes(state) ? state : 'DRAFT';
  return h('span', { class: `newsroom-state newsroom-state-${known.toLowerCase()}`, 'data-state': known.toLowerCase() }, t[`state${known}`]);
}

/** Reads many articles a few at a time, so a long list does not fire a hundred calls at once. */
async function readAll(ids, read) {
  const results = new Array(ids.length);
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const index = next++;
      try {
        results[index] = { id: ids[index], view: await read(ids[index]) };
      } catch (error) {
        results[index] = { id: ids[index], error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, ids.length) }, worker));
  return results;
}

function reason(error, t) {
  if (error instanceof TypeError) {
    return t.unreachable;
  }
  return error?.message || t.failed;
}

function when(article, lang, t) {
  const at = (text, iso, withTime) => iso && h('p', { class: 'meta' }, ...fill(text, time(iso, lang, withTime)));
  switch (article.status) {
    case 'SCHEDULED':
      return at(t.goesOutAt, article.publishAt, true);
    case 'PUBLISHED':
      return at(t.publishedAt, article.publishedAt, true);
    case 'RETRACTED':
      return at(t.retractedAt, article.retraction?.at || article.updatedAt, true);
    default:
      return at(t.editedAt, article.updatedAt || article.createdAt, true);
  }
}

/** A text with one {time} placeholder, the placeholder replaced by an element. */
function fill(text, element) {
  const [before, after = ''] = String(text).split('{time}');
  return [before, element, after];
}

function articleCard(article, { lang, t }) {
  const dateline = article.dateline && [article.dateline.place, article.dateline.date].filter(Boolean).join(' — ');
  return h('li', { class: 'card newsroom-article', 'data-test': 'newsroom-article', 'data-id': article.id,
    'data-state': String(article.status).toLowerCase() },
  h('h3', {}, link(`/newsroom/${encodeURIComponent(article.id)}`, {}, article.title || t.untitled)),
  h('p', { class: 'newsroom-line' }, stateBadge(article.status, t),
    article.language ? h('span', { class: 'meta', lang: article.language }, ` ${article.language}`) : null),
  when(article, lang, t),
  dateline ? h('p', { class: 'meta' }, dateline) : null);
}

function byNewest(field) {
  return (a, b) => String(b[field] || '').localeCompare(String(a[field] || ''));
}

export async function render(ctx) {
  const { main, api, t, lang, setTitle, signInLink } = ctx;
  setTitle(t.title);
  const problems = h('div', { id: 'newsroom-problems', role: 'alert' });
  const sections = h('div', { id: 'newsroom-articles', 'aria-busy': 'true' }, h('p', {}, t.loading));
  const more = h('p', { class: 'actions' });
  main.append(
    h('h1', {}, t.title),
    h('p', {}, t.intro),
    h('p', { class: 'actions' }, link('/newsroom/new', { class: 'button', id: 'new-article' }, t.newArticle)),
    h('p', { class: 'note', id: 'newsroom-partial' }, t.partialList),
    problems, sections, more);

  let stopped = false;
  const byId = new Map();
  let nextCursor = null;
  const problemLines = [];
  let sessionEnded = false;

  function showProblems() {
    replace(problems, !sessionEnded && problemLines.length === 0 ? null : h('div', { class: 'problem' },
      sessionEnded ? h('p', {}, t.sessionEnded, ' ', signInLink(t.signIn)) : null,
      problemLines.length > 0 ? h('ul', {}, problemLines.map((line) => h('li', {}, line))) : null));
  }

  // A session that ended shows once, with the way back in, rather than once per article.
  function note(error, text) {
    if (error?.status === 401) {
      sessionEnded = true;
    } else {
      problemLines.push(text);
    }
  }

  async function loadPublished(cursor) {
    try {
      const page = await api('/api/news/articles', { query: { limit: 50, cursor } });
      for (const summary of Array.isArray(page?.items) ? page.items : []) {
        if (summary?.id && !byId.has(summary.id)) {
          byId.set(summary.id, { ...summary, status: 'PUBLISHED' });
        }
      }
      nextCursor = page?.nextCursor || null;
    } catch (error) {
      nextCursor = null;
      note(error, format(t.publicListFailed, { reason: reason(error, t) }));
    }
  }

  function showList() {
    sections.removeAttribute('aria-busy');
    const articles = [...byId.values()];
    if (articles.length === 0) {
      replace(sections, h('p', { id: 'newsroom-empty' }, t.nothingYet));
    } else {
      const order = {
        DRAFT: byNewest('updatedAt'),
        SCHEDULED: (a, b) => String(a.publishAt || '').localeCompare(String(b.publishAt || '')),
        PUBLISHED: byNewest('publishedAt'),
        RETRACTED: byNewest('updatedAt'),
      };
      replace(sections, STATES.map((state) => {
        const inState = articles.filter((article) => (STATES.includes(article.status) ? article.status : 'DRAFT') === state)
          .sort(order[state]);
        const headingId = `newsroom-${state.toLowerCase()}-heading`;
        return h('section', { id: `newsroom-${state.toLowerCase()}`, 'aria-labelledby': headingId },
          h('h2', { id: headingId }, t[`section${state}`], ' ', h('span', { class: 'meta' }, `(${inState.length})`)),
          inState.length === 0 ? h('p', { class: 'meta' }, t.noneInState)
            : h('ul', { class: 'cards' }, inState.map((article) => articleCard(article, { lang, t }))));
      }));
    }
    replace(more, nextCursor ? h('button', { type: 'button', class: 'secondary', id: 'more-published', onclick: showMore },
      t.morePublished) : null);
    showProblems();
  }

  async function showMore(event) {
    const button = event.currentTarget;
    button.disabled = true;
    button.textContent = t.loadingMore;
    const shownBefore = sections.querySelectorAll('#newsroom-published [data-test="newsroom-article"]').length;
    await loadPublished(nextCursor);
    if (stopped) {
      return;
    }
    showList();
    // Keep the keyboard where the reader was: on the first newly shown briefing, else on the button again.
    const added = [...sections.querySelectorAll('#newsroom-published [data-test="newsroom-article"] a')][shownBefore] || null;
    (added || more.querySelector('button'))?.focus();
  }

  const known = knownArticles();
  const [, reads] = await Promise.all([
    loadPublished(undefined),
    readAll(known, (id) => api(`/api/admin/news/articles/${encodeURIComponent(id)}`)),
  ]);
  if (stopped) {
    return () => {};
  }
  for (const { id, view, error } of reads) {
    if (view && view.id) {
      byId.set(view.id, view);
    } else if (error?.status === 404) {
      forgetArticle(id);
    } else if (error) {
      note(error, format(t.unreadable, { id, reason: reason(error, t) }));
    }
  }
  showList();
  return () => { stopped = true; };
}
