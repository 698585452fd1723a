// The newsroom's desk: the briefings it works on, by state, and the way to start a new one. Each state is its own list
// from news-service, in the order that state's work goes: embargoes by the time they lift, published briefings as
// readers see them, drafts and retracted ones by their last change.
import { h, link, replace, time } from '../dom.js';
import { format } from '../i18n.js';

const LIST = '/api/admin/news/articles';
const PAGE_SIZE = 20;
const STATES = ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'RETRACTED'];

export const texts = {
  en: {
    title: 'Newsroom',
    newArticle: 'New briefing',
    intro: 'The briefings the newsroom is working on: drafts, embargoed ones, published and retracted.',
    sectionDRAFT: 'Drafts',
    sectionSCHEDULED: 'Scheduled',
    sectionPUBLISHED: 'Published',
    sectionRETRACTED: 'Retracted',
    stateDRAFT: 'Draft',
    stateSCHEDULED: 'Scheduled',
    statePUBLISHED: 'Published',
    stateRETRACTED: 'Retracted',
    moreDRAFT: 'Show more drafts',
    moreSCHEDULED: 'Show more scheduled briefings',
    morePUBLISHED: 'Show more published briefings',
    moreRETRACTED: 'Show more retracted briefings',
    editedAt: 'Last edited {time}',
    goesOutAt: 'Goes out {time}',
    publishedAt: 'Published {time}',
    retractedAt: 'Retracted {time}',
    untitled: '(untitled)',
    nothingYet: 'No articles yet. Start with a new briefing.',
    noneInState: 'None.',
    loadingMore: 'Loading…',
    listFailed: '{section}: the list could not be loaded. {reason}',
    sessionEnded: 'Your session has ended. Please sign in again.',
    unreachable: 'VisaPort cannot be reached right now. Please try again later.',
  },
  fr: {
    title: 'Rédaction',
    newArticle: 'Nouvelle dépêche',
    intro: 'Les dépêches sur lesquelles travaille la rédaction : brouillons, sous embargo, publiées et retirées.',
    sectionDRAFT: 'Brouillons',
    sectionSCHEDULED: 'Programmés',
    sectionPUBLISHED: 'Publiés',
    sectionRETRACTED: 'Retirés',
    stateDRAFT: 'Brouillon',
    stateSCHEDULED: 'Programmé',
    statePUBLISHED: 'Publié',
    stateRETRACTED: 'Retiré',
    moreDRAFT: 'Afficher d’autres brouillons',
    moreSCHEDULED: 'Afficher d’autres dépêches programmées',
    morePUBLISHED: 'Afficher d’autres dépêches publiées',
    moreRETRACTED: 'Afficher d’autres dépêches retirées',
    editedAt: 'Modifié le {time}',
    goesOutAt: 'Parution le {time}',
    publishedAt: 'Publié le {time}',
    retractedAt: 'Retiré le {time}',
    untitled: '(sans titre)',
    nothingYet: 'Aucun article pour l’instant. Commencez par une nouvelle dépêche.',
    noneInState: 'Aucun.',
    loadingMore: 'Chargement…',
    listFailed: '{section} : la liste n’a pas pu être chargée. {reason}',
    sessionEnded: 'Votre session a expiré. Veuillez vous reconnecter.',
    unreachable: 'VisaPort est momentanément injoignable. Veuillez réessayer plus tard.',
  },
};

/** A state's label as a badge the list and the editor share. */
export function stateBadge(state, t) {
  const known = STATES.includes(state) ? state : 'DRAFT';
  return h('span', { class: `newsroom-state newsroom-state-${known.toLowerCase()}`, 'data-state': known.toLowerCase() }, t[`state${known}`]);
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
      return at(t.retractedAt, article.retractedAt || article.updatedAt, true);
    default:
      return at(t.editedAt, article.updatedAt, true);
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

export async function render(ctx) {
  const { main, api, t, lang, setTitle, signInLink } = ctx;
  setTitle(t.title);
  const problems = h('div', { id: 'newsroom-problems', role: 'alert' });
  const sections = h('div', { id: 'newsroom-articles', 'aria-busy': 'true' }, h('p', {}, t.loading));
  main.append(
    h('h1', {}, t.title),
    h('p', {}, t.intro),
    h('p', { class: 'actions' }, link('/newsroom/new', { class: 'button', id: 'new-article' }, t.newArticle)),
    problems, sections);

  let stopped = false;
  let sessionEnded = false;
  const failures = new Map();

  // A session that ended shows once, with the way back in, rather than once per list.
  function showProblems() {
    const lines = [...failures.values()];
    replace(problems, !sessionEnded && lines.length === 0 ? null : h('div', { class: 'problem' },
      sessionEnded ? h('p', {}, t.sessionEnded, ' ', signInLink(t.signIn)) : null,
      lines.length > 0 ? h('ul', {}, lines.map((line) => h('li', {}, line))) : null));
  }

  /** One state's section: its first page, and a button for each further one. */
  function stateSection(state) {
    const key = state.toLowerCase();
    const headingId = `newsroom-${key}-heading`;
    const list = h('ul', { class: 'cards', hidden: true });
    const none = h('p', { class: 'meta', hidden: true }, t.noneInState);
    const more = h('button', { type: 'button', class: 'secondary', id: `more-${key}`, hidden: true }, t[`more${state}`]);
    const element = h('section', { id: `newsroom-${key}`, 'aria-labelledby': headingId },
      h('h2', { id: headingId, tabindex: '-1' }, t[`section${state}`]), none, list, h('p', { class: 'actions' }, more));
    let cursor = null;

    /** Loads the next page; says what it added, or null when the list could not be read. */
    async function load() {
      try {
        const page = await api(LIST, { query: { state, limit: PAGE_SIZE, cursor } });
        const entries = (Array.isArray(page?.items) ? page.items : []).filter((entry) => entry && entry.id);
        const added = entries.map((entry) => articleCard(entry, { lang, t }));
        list.append(...added);
        cursor = page?.nextCursor || null;
        failures.delete(state);
        return added;
      } catch (error) {
        if (error?.status === 401) {
          sessionEnded = true;
        } else {
          failures.set(state, format(t.listFailed, { section: t[`section${state}`], reason: reason(error, t) }));
        }
        return null;
      } finally {
        list.hidden = list.children.length === 0;
        none.hidden = list.children.length > 0 || Boolean(cursor) || failures.has(state) || sessionEnded;
        more.hidden = !cursor;
      }
    }

    more.addEventListener('click', async () => {
      more.disabled = true;
      more.textContent = t.loadingMore;
      const added = await load();
      if (stopped) {
        return;
      }
      more.disabled = false;
      more.textContent = t[`more${state}`];
      showProblems();
      // Keep the keyboard where the editor was: on the first newly shown article, else on the button, or on the
      // section's heading once the button has gone with the list's end.
      (added?.[0]?.querySelector('a') || (more.hidden ? element.querySelector('h2') : more))?.focus();
    });

    return { element, load, isEmpty: () => list.children.length === 0 && !cursor };
  }

  const desk = STATES.map(stateSection);
  const firstPages = await Promise.all(desk.map((section) => section.load()));
  if (stopped) {
    return () => {};
  }
  sections.removeAttribute('aria-busy');
  const readAll = firstPages.every((added) => added !== null);
  if (readAll && desk.every((section) => section.isEmpty())) {
    replace(sections, h('p', { id: 'newsroom-empty' }, t.nothingYet));
  } else {
    replace(sections, desk.map((section) => section.element));
  }
  showProblems();
  return () => { stopped = true; };
}
