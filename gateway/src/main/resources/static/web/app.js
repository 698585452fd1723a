// The welcome page: says who is signed in (GET /web/session), switches between English and French.
import { texts, chooseLanguage } from './i18n.js';

const STORE_KEY = 'visaport.lang';

function stored() {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null;
  }
}

function applyLanguage(lang) {
  document.documentElement.lang = lang;
  const t = texts[lang];
  document.querySelectorAll('[data-text]').forEach((element) => {
    element.textContent = t[element.dataset.text];
  });
  document.querySelectorAll('[data-label]').forEach((element) => {
    element.setAttribute('aria-label', t[element.dataset.label]);
  });
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  });
  document.title = lang === 'fr' ? 'VisaPort – Bienvenue' : 'VisaPort – Welcome';
  return t;
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

async function showSession(t) {
  const status = document.getElementById('status');
  try {
    const response = await fetch('/web/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    const session = await response.json();
    document.getElementById('signed-in').hidden = !session.signedIn;
    document.getElementById('signed-out').hidden = session.signedIn;
    if (session.signedIn) {
      document.getElementById('display-name').textContent = session.displayName;
      document.getElementById('csrf').value = csrfToken();
    }
  } catch {
    status.textContent = t.unavailable;
  }
  if (new URLSearchParams(location.search).get('signin') === 'failed') {
    status.textContent = t.signInFailed;
  }
}

let t = applyLanguage(chooseLanguage(location.search, stored(), navigator.languages));
document.querySelectorAll('[data-lang]').forEach((button) => {
  button.addEventListener('click', () => {
    try {
      localStorage.setItem(STORE_KEY, button.dataset.lang);
    } catch {
      // Private browsing may refuse storage: the choice then lasts for this page only.
    }
    t = applyLanguage(button.dataset.lang);
  });
});
showSession(t);
