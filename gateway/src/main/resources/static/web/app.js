// The page frame: who is signed in, the navigation, the language, and which page module shows what for the address.
// Every page is a module under pages/ exporting `texts` ({en, fr}) and `render(ctx)`, which may return a function
// that stops what it started (a stream, a timer) when the reader moves on.
import { api, csrfToken } from './api.js';
import { h, link, replace } from './dom.js';
import { chooseLanguage, format, frameTexts, textsFor } from './i18n.js';
import { Bell } from './bell.js';

const LANG_KEY = 'visaport.lang';
const RETURN_KEY = 'visaport.returnTo';
const SIGN_IN = '/oauth2/authorization/keycloak';
const STAFF = { moderation: ['moderator', 'admin'], newsroom: ['editor', 'admin'] };

const routes = [
  { pattern: /^\/$/, module: () => import('./pages/welcome.js') },
  { pattern: /^\/signup$/, module: () => import('./pages/signup.js') },
  { pattern: /^\/news$/, module: () => import('./pages/news.js') },
  { pattern: /^\/news\/([^/]+)$/, names: ['slug'], module: () => import('./pages/article.js') },
  { pattern: /^\/notifications$/, access: 'signed-in', module: () => import('./pages/notifications.js') },
  { pattern: /^\/notifications\/settings$/, access: 'signed-in', module: () => import('./pages/settings.js') },
  { pattern: /^\/profile$/, access: 'signed-in', module: () => import('./pages/profile.js') },
  { pattern: /^\/moderation$/, access: STAFF.moderation, module: () => import('./pages/moderation.js') },
  { pattern: /^\/moderation\/applications(?:\/([^/]+))?$/, names: ['memberId'], access: STAFF.moderation,
    module: () => import('./pages/applications.js') },
  { pattern: /^\/moderation\/comments$/, access: STAFF.moderation, module: () => import('./pages/comment-queue.js') },
  { pattern: /^\/newsroom$/, access: STAFF.newsroom, module: () => import('./pages/newsroom.js') },
  { pattern: /^\/newsroom\/([^/]+)$/, names: ['articleId'], access: STAFF.newsroom, module: () => import('./pages/editor.js') },
];

const main = document.getElementById('main');
const nav = document.getElementById('site-nav');
const announcer = document.getElementById('announcer');
let lang = chooseLanguage(location.search, stored(LANG_KEY), navigator.languages);
let session = { signedIn: false, displayName: null, roles: [] };
let stopPage = null;
let bell = null;
let renderCount = 0;

function stored(key, storage = localStorage) {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function store(key, value, storage = localStorage) {
  try {
    if (value === null) {
      storage.removeItem(key);
    } else {
      storage.setItem(key, value);
    }
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
}

function frame() {
  return textsFor(frameTexts, lang);
}

function hasRole(...roles) {
  return roles.some((role) => session.roles.includes(role));
}

/** Goes to an address inside the client without reloading. */
export function navigate(path, { replace: replacing = false } = {}) {
  if (replacing) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  show();
}

/** The sign-in link: remembers where the reader was, so they come back there once signed in. */
function signInLink(label, attributes = {}) {
  return h('a', {
    ...attributes,
    href: SIGN_IN,
    onclick: () => store(RETURN_KEY, location.pathname + location.search, sessionStorage),
  }, label);
}

function signOutForm(t) {
  const token = h('input', { type: 'hidden', name: '_csrf' });
  return h('form', { method: 'post', action: '/logout', class: 'sign-out', onsubmit: () => { token.value = csrfToken(); } },
    token, h('button', { type: 'submit', class: 'link-button' }, t.signOut));
}

function renderFrame() {
  const t = frame();
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-text]').forEach((element) => { element.textContent = t[element.dataset.text]; });
  document.querySelectorAll('[data-label]').forEach((element) => element.setAttribute('aria-label', t[element.dataset.label]));
  document.querySelectorAll('[data-lang]').forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.lang === lang)));
  const items = [link('/news', {}, t.news)];
  if (session.signedIn) {
    items.push(bell.element(t));
    items.push(link('/profile', {}, t.profile));
    if (hasRole(...STAFF.moderation)) {
      items.push(link('/moderation', {}, t.moderation));
    }
    if (hasRole(...STAFF.newsroom)) {
      items.push(link('/newsroom', {}, t.newsroom));
    }
    items.push(signOutForm(t));
  } else {
    items.push(signInLink(t.signIn, { class: 'sign-in' }));
    items.push(link('/signup', {}, t.signUp));
  }
  replace(nav, h('ul', {}, items.map((item) => h('li', {}, item))));
  markCurrent();
}

function markCurrent() {
  nav.querySelectorAll('a[data-link]').forEach((anchor) => {
    const here = location.pathname === anchor.pathname || location.pathname.startsWith(`${anchor.pathname}/`);
    if (here) {
      anchor.setAttribute('aria-current', 'page');
    } else {
      anchor.removeAttribute('aria-current');
    }
  });
}

function findRoute(path) {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) {
      const params = {};
      (route.names || []).forEach((name, index) => {
        params[name] = match[index + 1] === undefined ? undefined : decodeURIComponent(match[index + 1]);
      });
      return { route, params };
    }
  }
  return null;
}

function setTitle(title) {
  document.title = title ? `${title} – VisaPort` : 'VisaPort';
}

function messagePage(title, ...content) {
  setTitle(title);
  replace(main, h('h1', { tabindex: '-1' }, title), ...content);
}

/** Shows the page for the current address: its module, or why it cannot be shown. */
async function show() {
  const count = ++renderCount;
  if (stopPage) {
    stopPage();
    stopPage = null;
  }
  markCurrent();
  const t = frame();
  main.setAttribute('aria-busy', 'true');
  const found = findRoute(location.pathname);
  try {
    if (!found) {
      messagePage(t.notFoundTitle, h('p', {}, t.notFound), h('p', {}, link('/news', {}, t.backToNews)));
    } else if (found.route.access && !session.signedIn) {
      messagePage(t.signInNeededTitle, h('p', {}, t.signInNeeded), h('p', {}, signInLink(t.signIn, { class: 'button' })));
    } else if (Array.isArray(found.route.access) && !hasRole(...found.route.access)) {
      const roles = found.route.access.map((role) => t.roleNames[role] || role).join(` ${t.or} `);
      messagePage(t.forbiddenTitle, h('p', { class: 'status-code' }, '403'), h('p', {}, format(t.forbidden, { roles })));
    } else {
      const page = await found.route.module();
      if (count !== renderCount) {
        return;
      }
      const pageTexts = { ...t, ...textsFor(page.texts || { en: {} }, lang) };
      replace(main);
      stopPage = (await page.render({
        main, params: found.params, query: new URLSearchParams(location.search), session, lang, t: pageTexts,
        api, navigate, setTitle, announce, hasRole, signInLink, bell,
      })) || null;
    }
  } catch (error) {
    if (count === renderCount) {
      messagePage(t.unavailable, h('p', { role: 'alert' }, error?.message || t.failed));
    }
  } finally {
    if (count === renderCount) {
      main.setAttribute('aria-busy', 'false');
      const heading = main.querySelector('h1');
      if (heading && navigated) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
      announce(format(t.pageLoaded, { title: heading?.textContent || document.title }));
    }
  }
}

/** Says something to screen readers through the polite live region. */
function announce(message) {
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = message; }, 50);
}

let navigated = false;

document.addEventListener('click', (event) => {
  const anchor = event.target.closest('a[data-link]');
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  navigated = true;
  navigate(anchor.getAttribute('href'));
});

window.addEventListener('popstate', () => {
  navigated = true;
  show();
});

document.querySelectorAll('[data-lang]').forEach((button) => {
  button.addEventListener('click', () => {
    lang = button.dataset.lang;
    store(LANG_KEY, lang);
    renderFrame();
    show();
  });
});

async function start() {
  try {
    session = await api('/web/session');
  } catch {
    // Signed out as far as the page can tell; the page itself says when the APIs cannot be reached.
  }
  bell = new Bell({ api, session, onChange: markCurrent });
  renderFrame();
  const returnTo = stored(RETURN_KEY, sessionStorage);
  if (returnTo && session.signedIn && location.pathname === '/') {
    store(RETURN_KEY, null, sessionStorage);
    history.replaceState(null, '', returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/');
  }
  await show();
  bell.start();
}

start();
