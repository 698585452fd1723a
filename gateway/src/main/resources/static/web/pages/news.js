// The news list: briefing teasers with their datelines, tags and comment counts. The search words and filters live in
// the address (/news?region=europe&q=talks), so a filtered list survives a reload and can be shared as it is.
import { h, link, replace } from '../dom.js';
import { field, showErrors, clearErrors } from '../forms.js';
import { format } from '../i18n.js';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'region', 'country', 'tag', 'language'];

// Regions are the newsroom's own words; these are the usual ones, and any other one in the address is offered too.
const REGIONS = ['africa', 'asia', 'central-asia', 'europe', 'latin-america', 'middle-east', 'north-america', 'oceania',
  'south-asia'];

// The languages briefings are usually written in (the UN's six, plus German); any other one in the address is offered too.
const LANGUAGES = ['en', 'fr', 'de', 'es', 'ru', 'ar', 'zh'];

// ISO 3166-1 alpha-2, the codes news-service accepts; the names come from the browser in the reader's language.
const COUNTRIES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ '
  + 'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR '
  + 'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT '
  + 'JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY '
  + 'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM '
  + 'PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW '
  + 'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ '
  + 'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' ');

export const texts = {
  en: {
    title: 'News',
    intro: 'Briefings from the missions. Members read the full text and join the discussion beneath each one.',
    searchLabel: 'Search and filter the news',
    q: 'Search',
    qHint: 'Words in the title, lede or tags',
    region: 'Region',
    country: 'Country',
    tag: 'Tag',
    language: 'Language',
    anyRegion: 'Any region',
    anyCountry: 'Any country',
    anyLanguage: 'Any language',
    submit: 'Show briefings',
    clear: 'Clear search and filters',
    latest: 'Latest briefings',
    results: 'Search results',
    filtered: 'Filtered briefings',
    more: 'More briefings',
    loadingMore: 'Loading more briefings…',
    empty: 'No briefings match this search. Try fewer words or other filters.',
    emptyAll: 'There are no briefings yet.',
    failedLoad: 'The news could not be loaded.',
    retry: 'Try again',
    count: { one: '{count} briefing shown', other: '{count} briefings shown' },
    loadedMore: { one: '{count} more briefing loaded', other: '{count} more briefings loaded' },
    comments: { zero: 'No comments yet', one: '{count} comment', other: '{count} comments' },
    commentsOf: '{count}, on “{title}”',
    tagsLabel: 'Tags',
    regionsLabel: 'Regions',
    inLanguage: 'In {language}',
    filterByTag: 'Briefings tagged {tag}',
    filterByRegion: 'Briefings about {region}',
    regionNames: {
      africa: 'Africa', asia: 'Asia', 'central-asia': 'Central Asia', europe: 'Europe', 'latin-america': 'Latin America',
      'middle-east': 'Middle East', 'north-america': 'North America', oceania: 'Oceania', 'south-asia': 'South Asia',
    },
  },
  fr: {
    title: 'Actualités',
    intro: 'Les dépêches des missions. Les membres lisent le texte intégral et participent à la discussion sous chacune.',
    searchLabel: 'Rechercher et filtrer les actualités',
    q: 'Rechercher',
    qHint: 'Mots du titre, du chapeau ou des mots-clés',
    region: 'Région',
    country: 'Pays',
    tag: 'Mot-clé',
    language: 'Langue',
    anyRegion: 'Toutes les régions',
    anyCountry: 'Tous les pays',
    anyLanguage: 'Toutes les langues',
    submit: 'Afficher les dépêches',
    clear: 'Effacer la recherche et les filtres',
    latest: 'Dernières dépêches',
    results: 'Résultats de la recherche',
    filtered: 'Dépêches filtrées',
    more: 'Plus de dépêches',
    loadingMore: 'Chargement d’autres dépêches…',
    empty: 'Aucune dépêche ne correspond à cette recherche. Essayez avec moins de mots ou d’autres filtres.',
    emptyAll: 'Il n’y a pas encore de dépêche.',
    failedLoad: 'Les actualités n’ont pas pu être chargées.',
    retry: 'Réessayer',
    count: { one: '{count} dépêche affichée', other: '{count} dépêches affichées' },
    loadedMore: { one: '{count} dépêche de plus chargée', other: '{count} dépêches de plus chargées' },
    comments: { zero: 'Pas encore de commentaire', one: '{count} commentaire', other: '{count} commentaires' },
    commentsOf: '{count}, sur « {title} »',
    tagsLabel: 'Mots-clés',
    regionsLabel: 'Régions',
    inLanguage: 'En {language}',
    filterByTag: 'Dépêches avec le mot-clé {tag}',
    filterByRegion: 'Dépêches sur la région {region}',
    regionNames: {
      africa: 'Afrique', asia: 'Asie', 'central-asia': 'Asie centrale', europe: 'Europe', 'latin-america': 'Amérique latine',
      'middle-east': 'Moyen-Orient', 'north-america': 'Amérique du Nord', oceania: 'Océanie', 'south-asia': 'Asie du Sud',
    },
  },
};

/** A count in words: texts hold {zero?, one, other}; French counts 0 and 1 as singular, English 1 only. */
function plural(forms, count, lang) {
  if (count === 0 && forms.zero) {
    return format(forms.zero, { count });
  }
  const category = new Intl.PluralRules(lang).select(count);
  return format(forms[category] || forms.other, { count: count.toLocaleString(lang) });
}

function displayNames(lang, type) {
  try {
    return new Intl.DisplayNames([lang], { type, fallback: 'code' });
  } catch {
    return { of: (code) => code };
  }
}

/** A language tag's name ("fr" → "French"), or the tag itself when the browser does not know it. */
function languageName(code, lang, capitalised = true) {
  if (!code) {
    return '';
  }
  try {
    const name = displayNames(lang, 'language').of(code);
    return name && capitalised ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : name || code;
  } catch {
    return code;
  }
}

/** "middle-east" → "Middle East" for the regions the texts do not name. */
function regionName(region, t) {
  if (t.regionNames[region]) {
    return t.regionNames[region];
  }
  return String(region).split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** A dateline's date is a calendar day (no time zone): shown as that day wherever the reader is. */
function calendarDay(date, lang) {
  if (!date) {
    return null;
  }
  const parsed = new Date(`${String(date).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) {
    return null;
  }
  return h('time', { datetime: String(date).slice(0, 10) },
    new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed));
}

function dateline(article, lang) {
  const place = article.dateline?.place;
  const day = calendarDay(article.dateline?.date || article.publishedAt, lang);
  if (!place && !day) {
    return null;
  }
  return h('p', { class: 'dateline' }, place ? h('span', { class: 'dateline-place' }, place) : null,
    place && day ? ' — ' : null, day);
}

/** Only the filters news-service knows, normalised as it expects them; empty ones are left out. */
function filtersFrom(source) {
  const filters = {};
  for (const name of FILTERS) {
    let value = (source.get(name) || '').trim();
    if (name === 'tag' || name === 'region') {
      value = value.toLowerCase().replace(/\s+/g, '-');
    } else if (name === 'country') {
      value = value.toUpperCase();
    }
    if (value) {
      filters[name] = value;
    }
  }
  return filters;
}

function addressFor(filters, query) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    if (filters[name]) {
      params.set(name, filters[name]);
    }
  }
  // A ?lang= the reader came with stays, so the shared address opens in the same language.
  if (query.get('lang')) {
    params.set('lang', query.get('lang'));
  }
  const search = params.toString();
  return search ? `/news?${search}` : '/news';
}

function options(values, current, label, anyLabel, collator) {
  const list = values.includes(current) || !current ? [...values] : [...values, current];
  const labelled = list.map((value) => [value, label(value)]);
  if (collator) {
    labelled.sort((a, b) => collator.compare(a[1], b[1]));
  }
  return [['', anyLabel], ...labelled];
}

function filterForm(filters, t, lang) {
  const countryNames = displayNames(lang, 'region');
  const collator = new Intl.Collator(lang);
  return h('form', { id: 'news-filters', class: 'news-filters', role: 'search', 'aria-label': t.searchLabel, novalidate: true },
    h('div', { class: 'news-search' },
      field({ label: t.q, name: 'q', type: 'search', value: filters.q || '', hint: t.qHint, maxlength: 200, autocomplete: 'off' })),
    h('div', { class: 'filters' },
      field({ label: t.region, name: 'region', value: filters.region || '',
        options: options(REGIONS, filters.region, (region) => regionName(region, t), t.anyRegion, collator) }),
      field({ label: t.country, name: 'country', value: filters.country || '',
        options: options(COUNTRIES, filters.country, (code) => countryNames.of(code) || code, t.anyCountry, collator) }),
      field({ label: t.tag, name: 'tag', value: filters.tag || '', maxlength: 40, autocomplete: 'off',
        autocapitalize: 'none', spellcheck: 'false' }),
      field({ label: t.language, name: 'language', value: filters.language || '',
        options: options(LANGUAGES, filters.language, (code) => languageName(code, lang), t.anyLanguage, collator) })),
    h('p', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'news-submit' }, t.submit)));
}

function teaser(article, counts, t, lang) {
  const href = `/news/${encodeURIComponent(article.slug || article.id || '')}`;
  const titleId = `teaser-${article.id || article.slug}`;
  const count = counts?.[article.id];
  const tags = Array.isArray(article.tags) ? article.tags.filter(Boolean) : [];
  const regions = Array.isArray(article.regions) ? article.regions.filter(Boolean) : [];
  const contentLang = article.language || undefined;
  return h('li', { class: 'card teaser', dataset: { articleId: article.id || '', slug: article.slug || '' } },
    h('article', { 'aria-labelledby': titleId },
      h('h3', { id: titleId, lang: contentLang }, link(href, { class: 'teaser-title' }, article.title || article.slug || '—')),
      dateline(article, lang),
      article.lede ? h('p', { class: 'lede', lang: contentLang }, article.lede) : null,
      (tags.length > 0 || regions.length > 0) ? h('div', { class: 'teaser-topics' },
        regions.length > 0 ? h('ul', { class: 'tags regions', 'aria-label': t.regionsLabel }, regions.map((region) =>
          h('li', {}, link(`/news?region=${encodeURIComponent(region)}`,
            { 'aria-label': format(t.filterByRegion, { region: regionName(region, t) }) }, regionName(region, t))))) : null,
        tags.length > 0 ? h('ul', { class: 'tags', 'aria-label': t.tagsLabel }, tags.map((tag) =>
          h('li', {}, link(`/news?tag=${encodeURIComponent(tag)}`, { 'aria-label': format(t.filterByTag, { tag }) }, `#${tag}`)))) : null)
        : null,
      h('p', { class: 'meta teaser-meta' },
        article.language ? h('span', { class: 'teaser-language' }, format(t.inLanguage, { language: languageName(article.language, lang, false) })) : null,
        typeof count === 'number'
          ? link(`${href}#comments`, { class: 'teaser-comments', 'data-test': 'comment-count', 'data-count': String(count),
            'aria-label': format(t.commentsOf, { count: plural(t.comments, count, lang), title: article.title || '' }) },
          plural(t.comments, count, lang))
          : null)));
}

export async function render({ main, query, lang, t, api, setTitle }) {
  setTitle(t.title);
  let filters = filtersFrom(query);
  const form = filterForm(filters, t, lang);
  const clear = link('/news', { id: 'news-clear' }, t.clear);
  const heading = h('h2', { id: 'news-results-heading', tabindex: '-1' });
  const list = h('ul', { class: 'cards news-list', id: 'news-list', 'aria-labelledby': 'news-results-heading' });
  const status = h('p', { class: 'visually-hidden', id: 'news-status', role: 'status' });
  const problem = h('div', { id: 'news-error', role: 'alert' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'news-more', hidden: true }, t.more);
  const empty = h('p', { id: 'news-empty', class: 'news-empty', hidden: true });
  const results = h('section', { class: 'news-results', 'aria-labelledby': 'news-results-heading' },
    heading, status, problem, empty, list, h('p', { class: 'news-more' }, more));
  form.querySelector('.actions').append(clear);
  let cursor = null;
  let shown = 0;
  let controller = new AbortController();

  main.append(h('div', { class: 'news-page' },
    h('h1', {}, t.title), h('p', { class: 'note news-intro' }, t.intro), form, results));

  async function counts(items) {
    const ids = items.map((item) => item.id).filter(Boolean);
    if (ids.length === 0) {
      return {};
    }
    try {
      return (await api('/api/comments/counts', { query: { articleIds: ids.join(',') }, signal: controller.signal })) || {};
    } catch {
      // The list is still worth reading without its comment counts.
      return {};
    }
  }

  function drawFilters() {
    const filtering = Object.keys(filters).length > 0;
    heading.textContent = filters.q ? t.results : filtering ? t.filtered : t.latest;
    empty.textContent = filtering ? t.empty : t.emptyAll;
    clear.hidden = !filtering;
  }

  async function load(next) {
    const { signal } = controller;
    results.setAttribute('aria-busy', 'true');
    replace(problem);
    more.disabled = true;
    if (next) {
      more.textContent = t.loadingMore;
    }
    try {
      const page = await api('/api/news/articles', { query: { ...filters, limit: PAGE_SIZE, cursor: next || undefined }, signal });
      const items = (Array.isArray(page?.items) ? page.items : []).filter((item) => item && (item.slug || item.id));
      const commentCounts = await counts(items);
      if (signal.aborted) {
        return;
      }
      const added = items.map((item) => teaser(item, commentCounts, t, lang));
      list.append(...added);
      shown += added.length;
      cursor = page?.nextCursor || null;
      empty.hidden = shown > 0;
      more.hidden = !cursor;
      if (next) {
        status.textContent = plural(t.loadedMore, added.length, lang);
        // The reader asked for more: take them to the first new briefing rather than leave them at the button.
        added[0]?.querySelector('a')?.focus();
      } else {
        status.textContent = shown > 0 ? plural(t.count, shown, lang) : empty.textContent;
      }
    } catch (error) {
      if (signal.aborted || error?.name === 'AbortError') {
        return;
      }
      if (error?.status === 400 && error.fieldErrors?.length) {
        showErrors(form, error, t);
      } else {
        replace(problem, h('p', { class: 'problem' }, error?.status ? `${t.failedLoad} ${error.message}` : t.failedLoad),
          h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'news-retry', onclick: () => load(next) }, t.retry)));
      }
    } finally {
      if (!signal.aborted) {
        results.setAttribute('aria-busy', 'false');
        more.disabled = false;
        more.textContent = t.more;
      }
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    filters = filtersFrom(new FormData(form));
    // Shown as they are sent, so the reader sees what the search used.
    form.elements.tag.value = filters.tag || '';
    history.replaceState(null, '', addressFor(filters, query));
    controller.abort();
    controller = new AbortController();
    list.replaceChildren();
    cursor = null;
    shown = 0;
    empty.hidden = true;
    more.hidden = true;
    drawFilters();
    heading.focus();
    await load(null);
  });
  more.addEventListener('click', () => load(cursor));

  drawFilters();
  await load(null);
  return () => controller.abort();
}
