// What the account pages (sign up, profile, notifications and their settings) share: country and language choices,
// the posting date window, API messages in the reader's language, and the sign-out after leaving.
import { csrfToken } from './api.js';
import { h } from './dom.js';
import { format } from './i18n.js';

/**
 * The terms version an applicant consents to. identity-service names the version in force only in its configuration
 * (visaport.identity.terms-version, VISAPORT_TERMS_VERSION) and tells it through no endpoint, so the page has to know
 * it: change it here when the terms change, together with that setting.
 */
export const TERMS_VERSION = '2026-01';

/** How far ahead a posting may end (identity-service's visaport.identity.posting.max-ahead, P5Y). */
export const POSTING_MAX_YEARS = 5;

/** The officially assigned ISO 3166-1 alpha-2 codes, the same 249 identity-service and news-service accept. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ '
  + 'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO '
  + 'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE '
  + 'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO '
  + 'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW '
  + 'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM '
  + 'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' ');

/**
 * Languages offered for the member's mail and profile. identity-service takes any ISO 639-1 code; these are the ones
 * the corps mostly works in. VisaPort writes mail in French for fr and in English for every other language.
 */
const LANGUAGE_CODES = ['ar', 'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fr', 'ga', 'he', 'hi', 'hr',
  'hu', 'hy', 'id', 'it', 'ja', 'ka', 'kk', 'ko', 'lt', 'lv', 'mk', 'ms', 'mt', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sk',
  'sl', 'sq', 'sr', 'sv', 'sw', 'th', 'tr', 'uk', 'ur', 'uz', 'vi', 'zh'];

function displayNames(lang, type) {
  try {
    return new Intl.DisplayNames([lang], { type, fallback: 'code' });
  } catch {
    return { of: (code) => code };
  }
}

function collate(lang) {
  return new Intl.Collator(lang).compare;
}

/** A country's name in the reader's language ('AT' → 'Austria' / 'Autriche'); the code itself when unknown. */
export function countryName(code, lang) {
  if (!code) {
    return '';
  }
  try {
    return displayNames(lang, 'region').of(String(code).toUpperCase()) || code;
  } catch {
    return code;
  }
}

/** A language's name in the reader's language, capitalised as a list entry. */
export function languageName(code, lang) {
  if (!code) {
    return '';
  }
  let name = code;
  try {
    name = displayNames(lang, 'language').of(code) || code;
  } catch {
    // A code the browser does not know stays as it is.
  }
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** [value, label] pairs for a country select, sorted by name; a first empty choice when asked. */
export function countryOptions(lang, placeholder) {
  const options = COUNTRY_CODES.map((code) => [code, countryName(code, lang)])
    .sort((a, b) => collate(lang)(a[1], b[1]));
  return placeholder === undefined ? options : [['', placeholder], ...options];
}

/** [value, label] pairs for a language select; a current value outside the usual list is kept as a choice. */
export function languageOptions(lang, current, placeholder) {
  const codes = [...LANGUAGE_CODES];
  if (current && !codes.includes(current)) {
    codes.push(current);
  }
  const options = codes.map((code) => [code, languageName(code, lang)]).sort((a, b) => collate(lang)(a[1], b[1]));
  return placeholder === undefined ? options : [['', placeholder], ...options];
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/**
 * The dates a posting may end on, as identity-service judges them on its UTC clock: after today, and no later than
 * five years from today.
 */
export function postingWindow(now = new Date()) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const first = new Date(today);
  first.setUTCDate(first.getUTCDate() + 1);
  const last = new Date(today);
  last.setUTCFullYear(last.getUTCFullYear() + POSTING_MAX_YEARS);
  return { min: isoDate(first), max: isoDate(last) };
}

/** A date (yyyy-mm-dd, no time) in the reader's language, read as a calendar day and not shifted by time zones. */
export function formatDay(day, lang) {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return day || '';
  }
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** Whether a value from an API is a date the browser can show (a bad one would make Intl throw). */
export function validDate(value) {
  return typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value));
}

const FRENCH_PARTS = [
  [/^at least (\d+) characters$/, 'au moins $1 caractères'],
  [/^at most (\d+) characters$/, 'au plus $1 caractères'],
  [/^(\d+) digit\(s\)$/, '$1 chiffre(s)'],
  [/^(\d+) upper-case letter\(s\)$/, '$1 majuscule(s)'],
  [/^(\d+) lower-case letter\(s\)$/, '$1 minuscule(s)'],
  [/^(\d+) special character\(s\)$/, '$1 caractère(s) spécial(aux)'],
  [/^something other than the e-mail address$/, 'une autre valeur que l’adresse e-mail'],
  [/^the required pattern$/, 'la forme exigée'],
];

/** The validation messages the services send (English), worded in French; anything unknown stays as it came. */
const FRENCH_MESSAGES = [
  [/^must not be (blank|null|empty)$/, () => 'doit être renseigné'],
  [/^must be a well-formed email address$/, () => 'doit être une adresse e-mail valide'],
  [/^size must be between (\d+) and (\d+)$/, (m) => `la taille doit être comprise entre ${m[1]} et ${m[2]}`],
  [/^must be a future date$/, () => 'doit être une date à venir'],
  [/^must be no later than (\d{4}-\d{2}-\d{2})$/, (m) => `doit être au plus tard le ${formatDay(m[1], 'fr')}`],
  [/^is too far ahead$/, () => 'est trop lointaine'],
  [/^the terms must be accepted$/, () => 'vous devez accepter les conditions'],
  [/^must be the current terms version, (.+)$/, (m) => `doit être la version des conditions en vigueur, ${m[1]}`],
  [/^must be an ISO 3166-1 alpha-2 country code/, () => 'doit être un code pays ISO 3166-1 alpha-2, par exemple AT'],
  [/^must be an ISO 639-1 language code/, () => 'doit être un code de langue ISO 639-1, par exemple fr'],
  [/^must be lower-case words joined by hyphens$/, () => 'doit être en minuscules, les mots reliés par des traits d’union'],
  [/^must be a time HH:mm$/, () => 'doit être une heure au format HH:mm'],
  [/^must be IMMEDIATE or DAILY_DIGEST$/, () => 'doit être « immédiatement » ou « résumé quotidien »'],
  [/^must be a time zone of the IANA database/, () => 'doit être un fuseau horaire de la base IANA, par exemple Europe/Vienna'],
  [/^must be greater than or equal to (\d+)$/, (m) => `doit être supérieur ou égal à ${m[1]}`],
  [/^must be less than or equal to (\d+)$/, (m) => `doit être inférieur ou égal à ${m[1]}`],
  [/^must have (.+)$/, (m) => `doit comporter ${m[1].split(', ').map((part) => {
    const known = FRENCH_PARTS.find(([pattern]) => pattern.test(part));
    return known ? part.replace(known[0], known[1]) : part;
  }).join(', ')}`],
];

export function localiseMessage(message, lang) {
  if (lang !== 'fr' || typeof message !== 'string') {
    return message;
  }
  for (const [pattern, words] of FRENCH_MESSAGES) {
    const match = pattern.exec(message);
    if (match) {
      return words(match);
    }
  }
  return message;
}

/**
 * The API error made ready for showErrors(): each field error named after the control that shows it (the API says
 * "tags[2]" or "articles.channels[]", the form has "tags" and "articles.channels"; `aliases` maps API names the form
 * shows elsewhere) and worded in the reader's language.
 */
export function fieldErrorsFor(form, error, lang, aliases = {}) {
  const names = new Set([...form.elements].map((control) => control.name).filter(Boolean));
  const placed = (error.fieldErrors || []).map(({ field: name, message }) => {
    let candidate = aliases[name] || String(name ?? '');
    while (candidate && !names.has(candidate)) {
      const shorter = candidate.replace(/(\[[^\]]*\]|\.[^.[\]]*)$/, '');
      if (shorter === candidate) {
        break;
      }
      candidate = aliases[shorter] || shorter;
    }
    return { field: names.has(candidate) ? candidate : name, message: localiseMessage(message, lang) };
  });
  return { fieldErrors: placed, message: error.message };
}

/** The sentence for a failed call that is not about one field: rate limit, ended session, outage or the problem. */
export function problemText(error, t) {
  if (!error || error.status === undefined) {
    return t.unavailable;
  }
  if (error.status === 429) {
    const seconds = Number(error.retryAfter);
    return Number.isFinite(seconds) && seconds > 0 ? format(t.tooManyWait, { time: waitText(seconds, t) }) : t.tooMany;
  }
  if (error.status === 401) {
    return t.sessionEnded;
  }
  if (error.status === 503 || error.status === 502 || error.status === 504) {
    return t.unavailable;
  }
  return error.message || t.failed;
}

function waitText(seconds, t) {
  if (seconds < 90) {
    return format(seconds === 1 ? t.oneSecond : t.seconds, { count: Math.ceil(seconds) });
  }
  const minutes = Math.ceil(seconds / 60);
  return format(minutes === 1 ? t.oneMinute : t.minutes, { count: minutes });
}

/**
 * Shows a failed call in an alert element: the sentence for it, and for an ended session the way to sign in again.
 * The element keeps role="alert" from the start, so the text is read out when it appears.
 */
export function showProblem(element, error, ctx) {
  const { t } = ctx;
  element.replaceChildren(h('span', {}, problemText(error, t)));
  if (error?.status === 401) {
    element.append(' ', ctx.signInLink(t.signInAgain));
  }
  element.hidden = false;
}

/** An element for such messages, empty until needed. */
export function alertBox(attributes = {}) {
  return h('div', { role: 'alert', class: 'problem account-alert', hidden: true, ...attributes });
}

/**
 * Ends the browser's session as the frame's Sign out button does: a form posted to /logout with the CSRF token, so
 * the gateway ends its session and Keycloak its own.
 */
export function signOut() {
  const form = h('form', { method: 'post', action: '/logout', hidden: true },
    h('input', { type: 'hidden', name: '_csrf', value: csrfToken() }));
  document.body.append(form);
  form.submit();
}

/** Texts every account page uses, merged into each page's own. */
export const accountTexts = {
  en: {
    tooMany: 'Too many attempts. Please wait a moment and try again.',
    tooManyWait: 'Too many attempts. Please try again in {time}.',
    oneSecond: '1 second',
    seconds: '{count} seconds',
    oneMinute: '1 minute',
    minutes: '{count} minutes',
    sessionEnded: 'Your session has ended.',
    signInAgain: 'Sign in again',
    required: 'Please fill this in.',
  },
  fr: {
    tooMany: 'Trop de tentatives. Veuillez patienter un instant puis réessayer.',
    tooManyWait: 'Trop de tentatives. Veuillez réessayer dans {time}.',
    oneSecond: '1 seconde',
    seconds: '{count} secondes',
    oneMinute: '1 minute',
    minutes: '{count} minutes',
    sessionEnded: 'Votre session a pris fin.',
    signInAgain: 'Se reconnecter',
    required: 'Veuillez renseigner ce champ.',
  },
};
