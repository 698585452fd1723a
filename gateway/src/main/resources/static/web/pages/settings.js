// Notification settings: what the member follows, how and when each kind of notice reaches them, and the account
// notices nobody can turn off. The whole choice is sent at once (PUT replaces it).
import { h, link, replace } from '../dom.js';
import { clearErrors, field, showErrors } from '../forms.js';
import { format } from '../i18n.js';
import { COUNTRY_CODES, accountTexts, alertBox, countryName, fieldErrorsFor, showProblem } from '../account.js';

export const texts = {
  en: {
    ...accountTexts.en,
    title: 'Notification settings',
    intro: 'Choose what you hear of, where and when. The feed in the app always shows a notice at once.',
    back: 'Back to your notifications',
    followTitle: 'What you follow',
    followIntro: 'You hear of a new briefing when it has any of these tags, regions or countries.',
    tags: 'Tags',
    tagsHint: 'Lower-case words joined by hyphens, as on the briefings, e.g. sanctions, trade-policy. Separate them with '
      + 'commas or new lines; at most 50.',
    regions: 'Regions',
    regionsHint: 'Written the same way, e.g. middle-east, western-balkans; at most 20.',
    countries: 'Countries',
    countriesHint: 'Two-letter ISO codes, e.g. AT, FR; at most 50.',
    countriesNamed: 'Countries: {names}',
    countriesUnknown: 'Not a country code: {codes}',
    topicsTitle: 'What you hear of',
    topics: {
      articles: 'Briefings on what you follow',
      repliesToMyComments: 'Replies to your comments',
      commentDecisions: 'Moderators’ decisions on your comments',
      commentsWaiting: 'Comments waiting for moderation',
      newApplications: 'New membership applications',
    },
    moderatorsOnly: 'For moderators and administrators.',
    enabled: 'On',
    channels: 'Where',
    inApp: 'In the app',
    email: 'By e-mail',
    cadence: 'E-mail',
    immediate: 'At once',
    digest: 'In a daily digest',
    cadenceHint: 'A daily digest gathers these e-mails into one, at your digest hour.',
    scheduleTitle: 'When e-mail may come',
    timeZone: 'Time zone',
    timeZoneHint: 'Quiet hours and the digest hour are in this time zone.',
    timeZoneBrowser: 'Preset to your browser’s time zone; saved when you save.',
    quietTitle: 'Quiet hours (optional)',
    quietHint: 'E-mail that would arrive between these times waits until they end; they may span midnight. Leave both '
      + 'empty for none. Account notices are never held.',
    quietFrom: 'From',
    quietUntil: 'Until',
    quietBoth: 'Please give both times, or neither.',
    digestHour: 'Digest hour',
    digestHourHint: 'When the daily digest goes out.',
    mandatoryTitle: 'Always sent',
    mandatoryIntro: 'Notices about your account reach you by e-mail whatever you choose here:',
    alwaysOn: 'always on',
    mandatory: {
      'application decisions': 'decisions on your membership application',
      'suspension and reinstatement': 'the suspension and reinstatement of your account',
      'the end of your posting': 'the end of your posting',
      'the deletion of your account': 'the deletion of your account',
    },
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'Your notification settings are saved.',
    notMember: 'Notification settings are for members. Once your membership is approved you can choose here what you '
      + 'hear of.',
    forbiddenModeration: 'The moderators’ notices are not available to your account.',
    badWord: '“{word}” is not lower-case words joined by hyphens.',
    tooManyItems: 'Please give at most {max}.',
  },
  fr: {
    ...accountTexts.fr,
    title: 'Réglages des notifications',
    intro: 'Choisissez ce dont vous êtes informé, par quel moyen et à quel moment. Le fil de l’application affiche '
      + 'toujours une notification aussitôt.',
    back: 'Retour à vos notifications',
    followTitle: 'Ce que vous suivez',
    followIntro: 'Vous êtes informé d’une nouvelle dépêche quand elle porte l’un de ces mots-clés, régions ou pays.',
    tags: 'Mots-clés',
    tagsHint: 'En minuscules, les mots reliés par des traits d’union, comme sur les dépêches, par exemple sanctions, '
      + 'trade-policy. Séparez-les par des virgules ou des retours à la ligne ; 50 au plus.',
    regions: 'Régions',
    regionsHint: 'Écrites de la même façon, par exemple middle-east, western-balkans ; 20 au plus.',
    countries: 'Pays',
    countriesHint: 'Codes ISO à deux lettres, par exemple AT, FR ; 50 au plus.',
    countriesNamed: 'Pays : {names}',
    countriesUnknown: 'Pas un code pays : {codes}',
    topicsTitle: 'Ce dont vous êtes informé',
    topics: {
      articles: 'Dépêches sur ce que vous suivez',
      repliesToMyComments: 'Réponses à vos commentaires',
      commentDecisions: 'Décisions des modérateurs sur vos commentaires',
      commentsWaiting: 'Commentaires en attente de modération',
      newApplications: 'Nouvelles demandes d’adhésion',
    },
    moderatorsOnly: 'Pour les modérateurs et les administrateurs.',
    enabled: 'Activé',
    channels: 'Où',
    inApp: 'Dans l’application',
    email: 'Par e-mail',
    cadence: 'E-mail',
    immediate: 'Aussitôt',
    digest: 'Dans un résumé quotidien',
    cadenceHint: 'Le résumé quotidien regroupe ces e-mails en un seul, à l’heure du résumé.',
    scheduleTitle: 'Quand les e-mails peuvent arriver',
    timeZone: 'Fuseau horaire',
    timeZoneHint: 'Les heures de silence et l’heure du résumé suivent ce fuseau horaire.',
    timeZoneBrowser: 'Réglé sur le fuseau horaire de votre navigateur ; enregistré quand vous enregistrez.',
    quietTitle: 'Heures de silence (facultatif)',
    quietHint: 'Les e-mails qui arriveraient entre ces heures attendent qu’elles prennent fin ; elles peuvent passer '
      + 'minuit. Laissez les deux vides pour n’en avoir aucune. Les avis concernant votre compte ne sont jamais retenus.',
    quietFrom: 'De',
    quietUntil: 'À',
    quietBoth: 'Veuillez indiquer les deux heures, ou aucune.',
    digestHour: 'Heure du résumé',
    digestHourHint: 'L’heure d’envoi du résumé quotidien.',
    mandatoryTitle: 'Toujours envoyés',
    mandatoryIntro: 'Les avis concernant votre compte vous parviennent par e-mail quels que soient vos choix :',
    alwaysOn: 'toujours activé',
    mandatory: {
      'application decisions': 'les décisions sur votre demande d’adhésion',
      'suspension and reinstatement': 'la suspension et le rétablissement de votre compte',
      'the end of your posting': 'la fin de votre affectation',
      'the deletion of your account': 'l’effacement de votre compte',
    },
    save: 'Enregistrer les réglages',
    saving: 'Enregistrement…',
    saved: 'Vos réglages de notification sont enregistrés.',
    notMember: 'Les réglages de notification sont réservés aux membres. Dès que votre adhésion sera approuvée, vous '
      + 'pourrez choisir ici ce dont vous êtes informé.',
    forbiddenModeration: 'Les notifications des modérateurs ne sont pas disponibles pour votre compte.',
    badWord: '« {word} » n’est pas en minuscules avec des mots reliés par des traits d’union.',
    tooManyItems: 'Veuillez en indiquer {max} au plus.',
  },
};

const MEMBER_TOPICS = ['articles', 'repliesToMyComments', 'commentDecisions'];
const MODERATOR_TOPICS = ['commentsWaiting', 'newApplications'];
const WORD = /^[a-z0-9-]{1,40}$/;
const LIMITS = { tags: 50, regions: 20, countries: 50 };
const KNOWN_COUNTRIES = new Set(COUNTRY_CODES);

/** The browser's time zone, if it names one. */
function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

function zones(current) {
  let list = [];
  try {
    list = Intl.supportedValuesOf('timeZone');
  } catch {
    // An older browser: at least UTC, the browser's zone and the saved one.
  }
  const all = new Set(list);
  ['UTC', browserZone(), current].filter(Boolean).forEach((zone) => all.add(zone));
  return [...all].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

/** Splits a list typed with commas, semicolons, spaces or new lines. */
function split(text) {
  return String(text || '').split(/[\s,;]+/).map((word) => word.trim()).filter(Boolean);
}

function unique(words) {
  return [...new Set(words)];
}

function choiceOf(value) {
  const choice = value && typeof value === 'object' ? value : {};
  return {
    enabled: Boolean(choice.enabled),
    channels: Array.isArray(choice.channels) ? choice.channels : [],
    cadence: choice.cadence === 'DAILY_DIGEST' ? 'DAILY_DIGEST' : 'IMMEDIATE',
  };
}

export async function render(ctx) {
  const { main, t, setTitle } = ctx;
  setTitle(t.title);
  const alert = alertBox({ id: 'settings-problem' });
  main.append(h('h1', {}, t.title), h('p', {}, t.intro), alert);
  let view;
  try {
    view = await ctx.api('/api/notifications/subscriptions');
  } catch (error) {
    if (error.status === 403) {
      main.append(h('p', { id: 'settings-not-member', class: 'note' }, t.notMember));
    } else {
      showProblem(alert, error, ctx);
    }
    main.append(h('p', {}, link('/notifications', {}, t.back)));
    return undefined;
  }
  const page = new SettingsPage(ctx, view || {}, alert);
  main.append(page.form, h('p', {}, link('/notifications', { id: 'back-to-feed' }, t.back)));
  return undefined;
}

class SettingsPage {
  constructor(ctx, view, alert) {
    this.ctx = ctx;
    this.alert = alert;
    // The moderators' topics show for whoever the service shows them to (it answers null to everyone else) and for
    // whoever the session says moderates, should the service not have heard of the role yet.
    this.moderator = MODERATOR_TOPICS.some((topic) => view[topic]) || ctx.hasRole('moderator', 'admin');
    this.form = h('form', { id: 'settings-form', class: 'account-form settings-form', novalidate: true });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.fill(view);
  }

  fill(view) {
    const { t } = this.ctx;
    const zone = typeof view.timeZone === 'string' && view.timeZone ? view.timeZone : 'UTC';
    // A member who never chose has UTC; the browser knows better where they are.
    const presetZone = zone === 'UTC' && browserZone() && browserZone() !== 'UTC' ? browserZone() : null;
    const quiet = view.quietHours && typeof view.quietHours === 'object' ? view.quietHours : {};
    const digestHour = Number.isInteger(view.digestHour) && view.digestHour >= 0 && view.digestHour <= 23 ? view.digestHour : 8;
    const list = (value) => (Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []);
    this.message = h('p', { role: 'status', id: 'settings-message', class: 'success' });
    this.saveButton = h('button', { type: 'submit', class: 'primary', id: 'settings-save' }, t.save);
    const countries = field({ label: t.countries, name: 'countries', type: 'textarea', rows: 2, hint: t.countriesHint,
      spellcheck: 'false', autocapitalize: 'characters' });
    const countriesInput = countries.querySelector('textarea');
    countriesInput.value = list(view.countries).join(', ');
    // Says which countries the codes stand for as the member types, so a wrong code shows before saving.
    const named = h('p', { class: 'hint', id: `${countriesInput.id}-named`, 'aria-live': 'polite' });
    countriesInput.setAttribute('aria-describedby', `${countriesInput.getAttribute('aria-describedby')} ${named.id}`);
    countries.append(named);
    const nameCountries = () => this.nameCountries(countriesInput.value, named);
    countriesInput.addEventListener('input', nameCountries);
    nameCountries();

    const topics = [...MEMBER_TOPICS, ...(this.moderator ? MODERATOR_TOPICS : [])];
    replace(this.form,
      h('h2', {}, t.followTitle),
      h('p', { class: 'note' }, t.followIntro),
      this.textList('tags', t.tags, t.tagsHint, list(view.tags)),
      this.textList('regions', t.regions, t.regionsHint, list(view.regions)),
      countries,
      h('h2', {}, t.topicsTitle),
      topics.map((topic) => this.topic(topic, choiceOf(view[topic]))),
      h('h2', {}, t.scheduleTitle),
      field({ label: t.timeZone, name: 'timeZone', value: presetZone || zone,
        hint: presetZone ? `${t.timeZoneHint} ${t.timeZoneBrowser}` : t.timeZoneHint,
        options: zones(zone).map((name) => [name, name.replaceAll('_', ' ')]) }),
      h('fieldset', { class: 'quiet-hours', id: 'quiet-hours' },
        h('legend', {}, t.quietTitle),
        h('p', { class: 'hint' }, t.quietHint),
        h('div', { class: 'quiet-times' },
          field({ label: t.quietFrom, name: 'quietHours.from', type: 'time', value: quiet.from || '' }),
          field({ label: t.quietUntil, name: 'quietHours.until', type: 'time', value: quiet.until || '' }))),
      field({ label: t.digestHour, name: 'digestHour', value: digestHour, hint: t.digestHourHint,
        options: Array.from({ length: 24 }, (_, hour) => [hour, `${String(hour).padStart(2, '0')}:00`]) }),
      this.mandatory(view.mandatory),
      h('p', { class: 'actions' }, this.saveButton),
      this.message);
  }

  textList(name, label, hint, words) {
    const element = field({ label, name, type: 'textarea', rows: 2, hint, spellcheck: 'false', autocapitalize: 'none' });
    element.querySelector('textarea').value = words.join(', ');
    return element;
  }

  nameCountries(text, element) {
    const { t, lang } = this.ctx;
    const codes = unique(split(text).map((code) => code.toUpperCase()));
    const known = codes.filter((code) => KNOWN_COUNTRIES.has(code));
    const unknown = codes.filter((code) => !KNOWN_COUNTRIES.has(code));
    const parts = [];
    if (known.length > 0) {
      parts.push(format(t.countriesNamed, { names: known.map((code) => countryName(code, lang)).join(', ') }));
    }
    if (unknown.length > 0) {
      parts.push(format(t.countriesUnknown, { codes: unknown.join(', ') }));
    }
    element.textContent = parts.join('. ');
    element.hidden = parts.length === 0;
  }

  topic(name, choice) {
    const { t } = this.ctx;
    return h('fieldset', { class: 'topic', id: `topic-${name}` },
      h('legend', {}, t.topics[name]),
      MODERATOR_TOPICS.includes(name) ? h('p', { class: 'hint' }, t.moderatorsOnly) : null,
      field({ label: t.enabled, name: `${name}.enabled`, type: 'checkbox', value: choice.enabled }),
      h('fieldset', { class: 'channels' },
        h('legend', {}, t.channels),
        field({ label: t.inApp, name: `${name}.channels`, type: 'checkbox', value: choice.channels.includes('IN_APP'),
          'data-channel': 'IN_APP' }),
        field({ label: t.email, name: `${name}.channels`, type: 'checkbox', value: choice.channels.includes('EMAIL'),
          'data-channel': 'EMAIL' })),
      field({ label: t.cadence, name: `${name}.cadence`, value: choice.cadence, hint: t.cadenceHint,
        options: [['IMMEDIATE', t.immediate], ['DAILY_DIGEST', t.digest]] }));
  }

  mandatory(items) {
    const { t } = this.ctx;
    const list = Array.isArray(items) ? items.filter((item) => typeof item === 'string') : [];
    if (list.length === 0) {
      return null;
    }
    return h('section', { class: 'mandatory', id: 'mandatory', 'aria-labelledby': 'mandatory-title' },
      h('h2', { id: 'mandatory-title' }, t.mandatoryTitle),
      h('p', {}, t.mandatoryIntro),
      h('ul', {}, list.map((item) => h('li', {}, t.mandatory[item] || item, ' ',
        h('span', { class: 'always-on' }, `(${t.alwaysOn})`)))));
  }

  control(name) {
    return this.form.querySelector(`[name="${CSS.escape(name)}"]`);
  }

  /** The whole choice as notification-service takes it. */
  choice() {
    const text = (name) => this.control(name)?.value.trim() ?? '';
    const body = {
      tags: unique(split(text('tags'))),
      regions: unique(split(text('regions'))),
      countries: unique(split(text('countries')).map((code) => code.toUpperCase())),
    };
    for (const topic of [...MEMBER_TOPICS, ...(this.moderator ? MODERATOR_TOPICS : [])]) {
      body[topic] = {
        enabled: this.control(`${topic}.enabled`).checked,
        channels: [...this.form.querySelectorAll(`[name="${CSS.escape(`${topic}.channels`)}"]`)]
          .filter((box) => box.checked).map((box) => box.dataset.channel),
        cadence: this.control(`${topic}.cadence`).value,
      };
    }
    body.timeZone = text('timeZone') || 'UTC';
    const from = text('quietHours.from');
    const until = text('quietHours.until');
    body.quietHours = from && until ? { from: from.slice(0, 5), until: until.slice(0, 5) } : null;
    body.digestHour = Number(text('digestHour'));
    return body;
  }

  /** What the page can tell at once, in the reader's language; the service checks it all again. */
  check(body) {
    const { t } = this.ctx;
    const problems = [];
    for (const name of ['tags', 'regions']) {
      const bad = body[name].find((word) => !WORD.test(word));
      if (bad) {
        problems.push({ field: name, message: format(t.badWord, { word: bad }) });
      } else if (body[name].length > LIMITS[name]) {
        problems.push({ field: name, message: format(t.tooManyItems, { max: LIMITS[name] }) });
      }
    }
    const unknown = body.countries.filter((code) => !KNOWN_COUNTRIES.has(code));
    if (unknown.length > 0) {
      problems.push({ field: 'countries', message: format(t.countriesUnknown, { codes: unknown.join(', ') }) });
    } else if (body.countries.length > LIMITS.countries) {
      problems.push({ field: 'countries', message: format(t.tooManyItems, { max: LIMITS.countries }) });
    }
    const from = this.control('quietHours.from').value;
    const until = this.control('quietHours.until').value;
    if (Boolean(from) !== Boolean(until)) {
      problems.push({ field: from ? 'quietHours.until' : 'quietHours.from', message: t.quietBoth });
    }
    return problems;
  }

  async save() {
    const { t, lang } = this.ctx;
    this.message.textContent = '';
    this.alert.hidden = true;
    const body = this.choice();
    const problems = this.check(body);
    if (problems.length > 0) {
      showErrors(this.form, { fieldErrors: problems }, t);
      return;
    }
    clearErrors(this.form);
    this.saveButton.disabled = true;
    this.message.textContent = t.saving;
    try {
      const saved = await this.ctx.api('/api/notifications/subscriptions', { method: 'PUT', body });
      this.fill(saved || body);
      this.message.textContent = t.saved;
      this.saveButton.focus();
    } catch (error) {
      this.message.textContent = '';
      if (error.status === 400 && error.fieldErrors?.length > 0) {
        showErrors(this.form, fieldErrorsFor(this.form, error, lang), t);
      } else {
        showProblem(this.alert, error.status === 403 ? { status: 403, message: t.forbiddenModeration } : error, this.ctx);
        this.alert.setAttribute('tabindex', '-1');
        this.alert.focus();
      }
    } finally {
      this.saveButton.disabled = false;
    }
  }
}
