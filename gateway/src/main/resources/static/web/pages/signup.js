// Sign up: a diplomat's application for membership (POST /api/identity/applications). The answer is the same whether
// the address is new or known, so the page only ever says "check your mail box".
import { h, link } from '../dom.js';
import { clearErrors, field, showErrors, values } from '../forms.js';
import { newIdempotencyKey } from '../api.js';
import { format } from '../i18n.js';
import {
  TERMS_VERSION, accountTexts, alertBox, countryOptions, fieldErrorsFor, formatDay, languageOptions, postingWindow,
  showProblem,
} from '../account.js';

export const texts = {
  en: {
    ...accountTexts.en,
    title: 'Apply for membership',
    intro: 'VisaPort is for members of the diplomatic corps. Tell us who you are and where you are posted: a moderator '
      + 'checks your credentials before your membership starts.',
    already: 'You are already signed in as {name}.',
    alreadyNoName: 'You are already signed in.',
    alreadyApplicant: 'Your application is being reviewed; your profile shows where it stands.',
    toProfile: 'Go to your profile',
    toNews: 'Read the news',
    haveAccount: 'Already a member?',
    aboutYou: 'About you',
    postingLegend: 'Your posting',
    termsLegend: 'Terms of use',
    fullName: 'Full name',
    fullNameHint: 'As on your accreditation.',
    email: 'E-mail address',
    emailHint: 'We send a link to this address to confirm it is yours.',
    password: 'Password',
    passwordHint: '12 to 128 characters, with at least one digit, one capital letter and one small letter; not your '
      + 'e-mail address.',
    language: 'Language',
    languageHint: 'For our e-mails: French if you choose French, English for any other language.',
    countryCode: 'Country',
    countryHint: 'The country your mission represents.',
    choose: 'Choose…',
    mission: 'Mission',
    missionHint: 'For example: Permanent Mission of Austria to the United Nations.',
    position: 'Position',
    positionHint: 'For example: First Secretary.',
    accreditationNumber: 'Accreditation number',
    accreditationHint: 'Only you and the moderators see it.',
    postingCity: 'City of posting',
    postingEndsOn: 'Posting ends on',
    postingEndsHint: 'Between tomorrow and {max}. Your membership ends with your posting; you can extend it later.',
    termsAccepted: 'I accept the VisaPort terms of use, version {version}.',
    termsHint: 'Your consent is recorded with the date the application reaches us.',
    submit: 'Send my application',
    sending: 'Sending your application…',
    doneTitle: 'Check your mail box',
    done: 'Open the link in the e-mail we sent to confirm your address. A moderator then reviews your application.',
    doneNext: 'You will hear from us by e-mail once a moderator has decided.',
    tooLong: 'Please use at most {max} characters.',
    badEmail: 'Please enter an e-mail address such as name@mission.example.',
    passwordShort: 'Please use at least 12 characters.',
    passwordRules: 'Please use at least one digit, one capital letter and one small letter.',
    passwordIsEmail: 'Please choose a password other than your e-mail address.',
    dateRange: 'Please choose a date between {min} and {max}.',
    acceptTerms: 'Please accept the terms of use to apply.',
  },
  fr: {
    ...accountTexts.fr,
    title: 'Demander l’adhésion',
    intro: 'VisaPort est réservé aux membres du corps diplomatique. Dites-nous qui vous êtes et où vous êtes en poste : '
      + 'un modérateur vérifie vos accréditations avant que votre adhésion ne commence.',
    already: 'Vous êtes déjà connecté(e) en tant que {name}.',
    alreadyNoName: 'Vous êtes déjà connecté(e).',
    alreadyApplicant: 'Votre demande est en cours d’examen ; votre profil indique où elle en est.',
    toProfile: 'Voir votre profil',
    toNews: 'Lire les actualités',
    haveAccount: 'Déjà membre ?',
    aboutYou: 'Vous',
    postingLegend: 'Votre poste',
    termsLegend: 'Conditions d’utilisation',
    fullName: 'Nom complet',
    fullNameHint: 'Tel qu’il figure sur votre accréditation.',
    email: 'Adresse e-mail',
    emailHint: 'Nous y envoyons un lien pour confirmer qu’elle est bien la vôtre.',
    password: 'Mot de passe',
    passwordHint: 'De 12 à 128 caractères, dont au moins un chiffre, une majuscule et une minuscule ; différent de '
      + 'votre adresse e-mail.',
    language: 'Langue',
    languageHint: 'Pour nos e-mails : en français si vous choisissez le français, en anglais pour toute autre langue.',
    countryCode: 'Pays',
    countryHint: 'Le pays que représente votre mission.',
    choose: 'Choisir…',
    mission: 'Mission',
    missionHint: 'Par exemple : Mission permanente de l’Autriche auprès des Nations unies.',
    position: 'Fonction',
    positionHint: 'Par exemple : premier secrétaire.',
    accreditationNumber: 'Numéro d’accréditation',
    accreditationHint: 'Seuls vous et les modérateurs le voyez.',
    postingCity: 'Ville d’affectation',
    postingEndsOn: 'Fin de l’affectation',
    postingEndsHint: 'Entre demain et le {max}. Votre adhésion prend fin avec votre affectation ; vous pourrez la '
      + 'prolonger.',
    termsAccepted: 'J’accepte les conditions d’utilisation de VisaPort, version {version}.',
    termsHint: 'Votre consentement est enregistré à la date où votre demande nous parvient.',
    submit: 'Envoyer ma demande',
    sending: 'Envoi de votre demande…',
    doneTitle: 'Consultez votre boîte de réception',
    done: 'Ouvrez le lien de l’e-mail que nous vous avons envoyé pour confirmer votre adresse. Un modérateur examinera '
      + 'ensuite votre demande.',
    doneNext: 'Nous vous écrirons dès qu’un modérateur aura pris sa décision.',
    tooLong: 'Veuillez utiliser au plus {max} caractères.',
    badEmail: 'Veuillez saisir une adresse e-mail telle que nom@mission.example.',
    passwordShort: 'Veuillez utiliser au moins 12 caractères.',
    passwordRules: 'Veuillez utiliser au moins un chiffre, une majuscule et une minuscule.',
    passwordIsEmail: 'Veuillez choisir un mot de passe différent de votre adresse e-mail.',
    dateRange: 'Veuillez choisir une date entre le {min} et le {max}.',
    acceptTerms: 'Veuillez accepter les conditions d’utilisation pour envoyer votre demande.',
  },
};

/** The bounds identity-service holds the fields to (ApplicationRequest). */
const MAX = { fullName: 200, email: 254, password: 128, mission: 200, position: 120, accreditationNumber: 64, postingCity: 120 };
const TEXT_FIELDS = ['fullName', 'email', 'password', 'countryCode', 'mission', 'position', 'accreditationNumber',
  'postingCity', 'postingEndsOn', 'language'];

export function render(ctx) {
  const { main, session, t, lang, setTitle } = ctx;
  setTitle(t.title);
  if (session.signedIn) {
    const applicant = !session.roles.includes('member') && session.roles.includes('applicant');
    main.append(h('h1', {}, t.title),
      h('p', { id: 'signup-signed-in' }, session.displayName ? format(t.already, { name: session.displayName }) : t.alreadyNoName),
      applicant ? h('p', { class: 'note' }, t.alreadyApplicant) : null,
      h('p', { class: 'actions' }, link('/profile', { class: 'button' }, t.toProfile),
        link('/news', { class: 'button secondary' }, t.toNews)));
    return undefined;
  }

  const range = postingWindow();
  const alert = alertBox({ id: 'signup-problem' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'signup-submit' }, t.submit);
  const progress = h('p', { role: 'status', class: 'note', id: 'signup-progress' });
  const form = h('form', { id: 'signup-form', class: 'account-form', novalidate: true },
    h('fieldset', {},
      h('legend', {}, t.aboutYou),
      field({ label: t.fullName, name: 'fullName', hint: t.fullNameHint, autocomplete: 'name', maxlength: MAX.fullName, required: true }),
      field({ label: t.email, name: 'email', type: 'email', hint: t.emailHint, autocomplete: 'email', maxlength: MAX.email,
        spellcheck: 'false', required: true }),
      field({ label: t.password, name: 'password', type: 'password', hint: t.passwordHint, autocomplete: 'new-password',
        minlength: 12, maxlength: MAX.password, required: true }),
      field({ label: t.language, name: 'language', hint: t.languageHint, value: lang, options: languageOptions(lang, lang, t.choose),
        required: true })),
    h('fieldset', {},
      h('legend', {}, t.postingLegend),
      field({ label: t.countryCode, name: 'countryCode', hint: t.countryHint, options: countryOptions(lang, t.choose), required: true }),
      field({ label: t.mission, name: 'mission', hint: t.missionHint, autocomplete: 'organization', maxlength: MAX.mission, required: true }),
      field({ label: t.position, name: 'position', hint: t.positionHint, autocomplete: 'organization-title', maxlength: MAX.position,
        required: true }),
      field({ label: t.accreditationNumber, name: 'accreditationNumber', hint: t.accreditationHint, autocomplete: 'off',
        spellcheck: 'false', maxlength: MAX.accreditationNumber, required: true }),
      field({ label: t.postingCity, name: 'postingCity', autocomplete: 'address-level2', maxlength: MAX.postingCity, required: true }),
      field({ label: t.postingEndsOn, name: 'postingEndsOn', type: 'date', min: range.min, max: range.max, required: true,
        hint: format(t.postingEndsHint, { max: formatDay(range.max, lang) }) })),
    h('fieldset', {},
      h('legend', {}, t.termsLegend),
      field({ label: format(t.termsAccepted, { version: TERMS_VERSION }), name: 'termsAccepted', type: 'checkbox',
        hint: t.termsHint, required: true })),
    alert,
    h('p', { class: 'actions' }, submit),
    progress);

  // One key per distinct application: a retry of the same form (after a network failure, a 429 or a 503) sends the
  // same key, so it cannot apply twice; a changed form gets a new key, which the service would otherwise refuse (422).
  let sent = null;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alert.hidden = true;
    const body = application(form);
    const problems = check(body, t, lang, range);
    if (problems.length > 0) {
      showErrors(form, { fieldErrors: problems }, t);
      return;
    }
    clearErrors(form);
    const fingerprint = JSON.stringify(body);
    if (!sent || sent.fingerprint !== fingerprint) {
      sent = { fingerprint, key: newIdempotencyKey() };
    }
    submit.disabled = true;
    progress.textContent = t.sending;
    try {
      await ctx.api('/api/identity/applications', { method: 'POST', body, headers: { 'Idempotency-Key': sent.key } });
      done(ctx);
    } catch (error) {
      progress.textContent = '';
      if (error.status === 400 && error.fieldErrors?.length > 0) {
        // The terms version has no control of its own: a refusal of it belongs to the consent checkbox.
        showErrors(form, fieldErrorsFor(form, error, lang, { termsVersion: 'termsAccepted' }), t);
      } else {
        showProblem(alert, error, ctx);
      }
    } finally {
      submit.disabled = false;
    }
  });

  main.append(h('h1', {}, t.title), h('p', {}, t.intro), form,
    h('p', { class: 'note' }, `${t.haveAccount} `, ctx.signInLink(t.signIn)));
  return undefined;
}

/** The request body, with the field names identity-service takes. */
function application(form) {
  const all = values(form);
  const body = {};
  for (const name of TEXT_FIELDS) {
    body[name] = name === 'password' ? form.elements.password.value : all[name];
  }
  body.termsAccepted = all.termsAccepted === true;
  body.termsVersion = TERMS_VERSION;
  return body;
}

/** What the page can tell at once, in the reader's language; the service checks everything again. */
function check(body, t, lang, range) {
  const problems = [];
  const add = (name, message) => problems.push({ field: name, message });
  for (const name of TEXT_FIELDS) {
    if (!body[name]) {
      add(name, t.required);
    } else if (MAX[name] && body[name].length > MAX[name]) {
      add(name, format(t.tooLong, { max: MAX[name] }));
    }
  }
  if (body.email && !/^[^\s@]+@[^\s@]+$/.test(body.email)) {
    add('email', t.badEmail);
  }
  const password = body.password;
  if (password) {
    if (password.length < 12) {
      add('password', t.passwordShort);
    } else if (!/\p{Nd}/u.test(password) || !/\p{Lu}/u.test(password) || !/\p{Ll}/u.test(password)) {
      add('password', t.passwordRules);
    } else if (body.email && password.toLowerCase() === body.email.toLowerCase()) {
      add('password', t.passwordIsEmail);
    }
  }
  if (body.postingEndsOn && (body.postingEndsOn < range.min || body.postingEndsOn > range.max)) {
    add('postingEndsOn', format(t.dateRange, { min: formatDay(range.min, lang), max: formatDay(range.max, lang) }));
  }
  if (!body.termsAccepted) {
    add('termsAccepted', t.acceptTerms);
  }
  // One message per field, the first found.
  return problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field) === index);
}

function done({ main, t, announce, setTitle }) {
  setTitle(t.doneTitle);
  const heading = h('h1', { tabindex: '-1' }, t.doneTitle);
  main.replaceChildren(h('section', { id: 'signup-done', class: 'account-done', 'aria-labelledby': 'signup-done-title' },
    heading, h('p', {}, t.done), h('p', { class: 'note' }, t.doneNext)));
  heading.id = 'signup-done-title';
  heading.focus();
  announce(`${t.doneTitle}. ${t.done}`);
}
