// The member's own profile: the membership as identity-service keeps it, what the member may change, corrections to
// an application under review, and leaving VisaPort.
import { h, link, replace, time } from '../dom.js';
import { clearErrors, field, showErrors, values } from '../forms.js';
import { format } from '../i18n.js';
import {
  accountTexts, alertBox, countryName, countryOptions, fieldErrorsFor, formatDay, languageOptions,
  postingWindow, showProblem, signOut, validDate,
} from '../account.js';

export const texts = {
  en: {
    ...accountTexts.en,
    title: 'Your profile',
    membership: 'Membership',
    status: 'Status',
    statuses: {
      PROVISIONING: 'Application being recorded',
      PENDING_VERIFICATION: 'Application under review',
      INFORMATION_REQUESTED: 'More information requested',
      ACTIVE: 'Active member',
      REJECTED: 'Application declined',
      SUSPENDED: 'Suspended',
      LAPSED: 'Lapsed: posting ended',
      ERASED: 'Erased',
    },
    statusNotes: {
      PENDING_VERIFICATION: 'Please confirm your e-mail address with the link we sent you, if you have not yet. A '
        + 'moderator then reviews your application; you will hear from us by e-mail.',
      INFORMATION_REQUESTED: 'A moderator asked for more information: see their e-mail, then correct your application '
        + 'below. It goes back to review once you send it.',
      REJECTED: 'Your application was declined; the e-mail we sent says why.',
      SUSPENDED: 'Your membership is suspended; the e-mail we sent says why.',
      LAPSED: 'Your posting has ended, so your membership has lapsed. Set the end date of your new posting below to '
        + 'renew it.',
    },
    fullName: 'Name',
    email: 'E-mail address',
    countryCode: 'Country',
    mission: 'Mission',
    position: 'Position',
    postingCity: 'City of posting',
    postingEndsOn: 'Posting ends on',
    accreditationNumber: 'Accreditation number',
    accreditationNote: 'only you and the moderators see it',
    roles: 'Roles',
    roleNames: { member: 'member', moderator: 'moderator', editor: 'editor', admin: 'administrator', applicant: 'applicant' },
    appliedAt: 'Applied on',
    none: '—',
    editTitle: 'Edit your profile',
    displayName: 'Display name',
    displayNameHint: 'Shown with your comments. At most 80 characters.',
    language: 'Language',
    languageHint: 'For our e-mails: French if you choose French, English for any other language.',
    postingCityHint: 'Where you are posted now.',
    postingEndsHint: 'Between tomorrow and {max}. A new date after your posting ended renews your membership.',
    save: 'Save changes',
    saved: 'Your profile is saved.',
    nothingChanged: 'Nothing to save: you have not changed anything.',
    applicationTitle: 'Correct your application',
    applicationIntro: 'While your application is under review you can correct what you declared. Moderators see the '
      + 'corrected version.',
    note: 'Note for the moderators',
    noteHint: 'Optional, at most 2,000 characters: for example the information they asked for.',
    saveApplication: 'Send corrections',
    applicationSaved: 'Your corrections are sent. Your application is under review.',
    choose: 'Choose…',
    noMembershipTitle: 'No membership record',
    noMembership: 'Your account was set up by the VisaPort administrators and has no membership record, so there is '
      + 'nothing to show or change here.',
    settingsLink: 'Your notification settings',
    leaveTitle: 'Leave VisaPort',
    leaveIntro: 'If you leave, your account and your personal data are erased: your name, e-mail address, credentials '
      + 'and notification settings. You can no longer sign in. Your comments stay in their threads, signed '
      + '“former member”.',
    leaveFinal: 'This cannot be undone. To come back later you would apply again.',
    leave: 'Leave VisaPort…',
    leaveConfirmLabel: 'To confirm, type {word}',
    leaveWord: 'LEAVE',
    leaveConfirm: 'Erase my account',
    leaveCancel: 'Keep my account',
    leaveMistyped: 'Please type {word} to confirm.',
    leaving: 'Erasing your account…',
    left: 'Your account is erased. Signing you out…',
    tooLong: 'Please use at most {max} characters.',
    dateRange: 'Please choose a date between {min} and {max}.',
  },
  fr: {
    ...accountTexts.fr,
    title: 'Votre profil',
    membership: 'Adhésion',
    status: 'Statut',
    statuses: {
      PROVISIONING: 'Demande en cours d’enregistrement',
      PENDING_VERIFICATION: 'Demande en cours d’examen',
      INFORMATION_REQUESTED: 'Informations complémentaires demandées',
      ACTIVE: 'Membre actif',
      REJECTED: 'Demande refusée',
      SUSPENDED: 'Suspendu',
      LAPSED: 'Expirée : affectation terminée',
      ERASED: 'Effacé',
    },
    statusNotes: {
      PENDING_VERIFICATION: 'Confirmez votre adresse e-mail grâce au lien que nous vous avons envoyé, si ce n’est pas '
        + 'encore fait. Un modérateur examinera ensuite votre demande ; nous vous écrirons.',
      INFORMATION_REQUESTED: 'Un modérateur a demandé des informations complémentaires : lisez son e-mail, puis '
        + 'corrigez votre demande ci-dessous. Elle repasse en examen dès que vous l’envoyez.',
      REJECTED: 'Votre demande a été refusée ; l’e-mail que nous vous avons envoyé en donne la raison.',
      SUSPENDED: 'Votre adhésion est suspendue ; l’e-mail que nous vous avons envoyé en donne la raison.',
      LAPSED: 'Votre affectation a pris fin, votre adhésion a donc expiré. Indiquez ci-dessous la date de fin de votre '
        + 'nouvelle affectation pour la renouveler.',
    },
    fullName: 'Nom',
    email: 'Adresse e-mail',
    countryCode: 'Pays',
    mission: 'Mission',
    position: 'Fonction',
    postingCity: 'Ville d’affectation',
    postingEndsOn: 'Fin de l’affectation',
    accreditationNumber: 'Numéro d’accréditation',
    accreditationNote: 'seuls vous et les modérateurs le voyez',
    roles: 'Rôles',
    roleNames: { member: 'membre', moderator: 'modérateur', editor: 'rédacteur', admin: 'administrateur', applicant: 'candidat' },
    appliedAt: 'Demande déposée le',
    none: '—',
    editTitle: 'Modifier votre profil',
    displayName: 'Nom affiché',
    displayNameHint: 'Affiché avec vos commentaires. Au plus 80 caractères.',
    language: 'Langue',
    languageHint: 'Pour nos e-mails : en français si vous choisissez le français, en anglais pour toute autre langue.',
    postingCityHint: 'Votre lieu d’affectation actuel.',
    postingEndsHint: 'Entre demain et le {max}. Une nouvelle date après la fin de votre affectation renouvelle votre '
      + 'adhésion.',
    save: 'Enregistrer',
    saved: 'Votre profil est enregistré.',
    nothingChanged: 'Rien à enregistrer : vous n’avez rien modifié.',
    applicationTitle: 'Corriger votre demande',
    applicationIntro: 'Tant que votre demande est en cours d’examen, vous pouvez corriger ce que vous avez déclaré. Les '
      + 'modérateurs voient la version corrigée.',
    note: 'Note pour les modérateurs',
    noteHint: 'Facultative, au plus 2 000 caractères : par exemple les informations demandées.',
    saveApplication: 'Envoyer les corrections',
    applicationSaved: 'Vos corrections sont envoyées. Votre demande est en cours d’examen.',
    choose: 'Choisir…',
    noMembershipTitle: 'Aucune adhésion enregistrée',
    noMembership: 'Votre compte a été créé par les administrateurs de VisaPort et n’a pas de dossier d’adhésion : il '
      + 'n’y a rien à afficher ni à modifier ici.',
    settingsLink: 'Vos réglages de notification',
    leaveTitle: 'Quitter VisaPort',
    leaveIntro: 'Si vous partez, votre compte et vos données personnelles sont effacés : votre nom, votre adresse '
      + 'e-mail, vos accréditations et vos réglages de notification. Vous ne pourrez plus vous connecter. Vos '
      + 'commentaires restent dans leurs fils, signés « ancien membre ».',
    leaveFinal: 'C’est définitif. Pour revenir, il vous faudrait déposer une nouvelle demande.',
    leave: 'Quitter VisaPort…',
    leaveConfirmLabel: 'Pour confirmer, saisissez {word}',
    leaveWord: 'QUITTER',
    leaveConfirm: 'Effacer mon compte',
    leaveCancel: 'Garder mon compte',
    leaveMistyped: 'Veuillez saisir {word} pour confirmer.',
    leaving: 'Effacement de votre compte…',
    left: 'Votre compte est effacé. Déconnexion…',
    tooLong: 'Veuillez utiliser au plus {max} caractères.',
    dateRange: 'Veuillez choisir une date entre le {min} et le {max}.',
  },
};

const UNDER_REVIEW = new Set(['PENDING_VERIFICATION', 'INFORMATION_REQUESTED']);
/** The words that confirm leaving, whichever language the page is in. */
const LEAVE_WORDS = new Set(['LEAVE', 'QUITTER']);

export async function render(ctx) {
  const { main, t, setTitle } = ctx;
  setTitle(t.title);
  const heading = h('h1', {}, t.title);
  const top = alertBox({ id: 'profile-problem' });
  main.append(heading, top);
  let profile;
  try {
    profile = await ctx.api('/api/identity/me/profile');
  } catch (error) {
    if (error.status === 404) {
      main.append(h('section', { id: 'no-membership', 'aria-labelledby': 'no-membership-title' },
        h('h2', { id: 'no-membership-title' }, t.noMembershipTitle), h('p', {}, t.noMembership),
        h('p', {}, link('/notifications/settings', { id: 'settings-link' }, t.settingsLink))));
    } else {
      showProblem(top, error, ctx);
    }
    return undefined;
  }
  const page = new ProfilePage(ctx, profile || {});
  page.draw();
  return undefined;
}

class ProfilePage {
  constructor(ctx, profile) {
    this.ctx = ctx;
    this.profile = profile;
    this.membership = h('section', { id: 'membership', 'aria-labelledby': 'membership-title' });
    this.edit = h('section', { id: 'profile-edit', 'aria-labelledby': 'profile-edit-title' });
    this.application = h('section', { id: 'application-edit', 'aria-labelledby': 'application-edit-title' });
    ctx.main.append(this.membership, this.edit, this.application, this.leaveSection());
  }

  draw() {
    this.drawMembership();
    this.drawEdit();
    this.drawApplication();
  }

  drawMembership() {
    const { t, lang } = this.ctx;
    const p = this.profile;
    const status = typeof p.status === 'string' ? p.status : '';
    const row = (label, value, id) => [h('dt', {}, label), h('dd', id ? { id } : {}, value || t.none)];
    const roles = Array.isArray(p.roles) ? p.roles.map((role) => t.roleNames[role] || role).join(', ') : '';
    replace(this.membership,
      h('h2', { id: 'membership-title' }, t.membership),
      h('dl', { class: 'account-facts' },
        row(t.status, h('strong', { class: `membership-status status-${status.toLowerCase()}` }, t.statuses[status] || status),
          'membership-status'),
        row(t.fullName, p.fullName),
        row(t.email, p.email),
        row(t.countryCode, p.countryCode ? `${countryName(p.countryCode, lang)} (${p.countryCode})` : ''),
        row(t.mission, p.mission),
        row(t.position, p.position),
        row(t.postingCity, p.postingCity),
        row(t.postingEndsOn, formatDay(p.postingEndsOn, lang)),
        row(t.accreditationNumber, p.accreditationNumber
          ? [h('span', { class: 'accreditation' }, p.accreditationNumber), ' ', h('span', { class: 'note' }, `(${t.accreditationNote})`)]
          : ''),
        row(t.roles, roles),
        row(t.appliedAt, validDate(p.appliedAt) ? time(p.appliedAt, lang) : '')),
      t.statusNotes[status] ? h('p', { class: 'note account-status-note' }, t.statusNotes[status]) : null);
  }

  drawEdit() {
    const { t, lang } = this.ctx;
    const p = this.profile;
    const range = postingWindow();
    const underReview = UNDER_REVIEW.has(p.status);
    const message = h('p', { role: 'status', id: 'profile-message', class: 'success' });
    const alert = alertBox({ id: 'profile-form-problem' });
    const save = h('button', { type: 'submit', class: 'primary', id: 'profile-save' }, t.save);
    // An applicant's posting is part of the application, corrected in the form below it.
    const posting = underReview ? [] : [
      field({ label: t.postingCity, name: 'postingCity', hint: t.postingCityHint, value: p.postingCity, maxlength: 120,
        autocomplete: 'address-level2' }),
      field({ label: t.postingEndsOn, name: 'postingEndsOn', type: 'date', value: p.postingEndsOn, min: range.min, max: range.max,
        hint: format(t.postingEndsHint, { max: formatDay(range.max, lang) }) }),
    ];
    const form = h('form', { id: 'profile-form', class: 'account-form', novalidate: true },
      field({ label: t.displayName, name: 'displayName', hint: t.displayNameHint, value: p.displayName, maxlength: 80,
        autocomplete: 'nickname' }),
      field({ label: t.language, name: 'language', hint: t.languageHint, value: p.language,
        options: languageOptions(lang, p.language, p.language ? undefined : t.choose) }),
      posting,
      alert,
      h('p', { class: 'actions' }, save),
      message);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      message.textContent = '';
      alert.hidden = true;
      const patch = changes(values(form), {
        displayName: p.displayName, language: p.language, postingCity: p.postingCity, postingEndsOn: p.postingEndsOn,
      });
      const problems = this.check(patch, { displayName: 80, postingCity: 120 }, range);
      if (problems.length > 0) {
        showErrors(form, { fieldErrors: problems }, t);
        return;
      }
      clearErrors(form);
      if (Object.keys(patch).length === 0) {
        message.textContent = t.nothingChanged;
        return;
      }
      save.disabled = true;
      try {
        this.profile = (await this.ctx.api('/api/identity/me/profile', { method: 'PATCH', body: patch })) || this.profile;
        this.drawMembership();
        this.drawEdit();
        this.drawApplication();
        const saved = this.edit.querySelector('#profile-message');
        saved.textContent = t.saved;
        this.edit.querySelector('#profile-save').focus();
      } catch (error) {
        this.failed(form, alert, error);
      } finally {
        save.disabled = false;
      }
    });
    this.edit.replaceChildren(h('h2', { id: 'profile-edit-title' }, t.editTitle), form);
  }

  drawApplication() {
    const { t, lang } = this.ctx;
    const p = this.profile;
    if (!UNDER_REVIEW.has(p.status)) {
      this.application.hidden = true;
      this.application.replaceChildren();
      return;
    }
    this.application.hidden = false;
    const range = postingWindow();
    const message = h('p', { role: 'status', id: 'application-message', class: 'success' });
    const alert = alertBox({ id: 'application-problem' });
    const save = h('button', { type: 'submit', class: 'primary', id: 'application-save' }, t.saveApplication);
    const form = h('form', { id: 'application-form', class: 'account-form', novalidate: true },
      field({ label: t.countryCode, name: 'countryCode', value: p.countryCode, options: countryOptions(lang, p.countryCode ? undefined : t.choose) }),
      field({ label: t.mission, name: 'mission', value: p.mission, maxlength: 200, autocomplete: 'organization' }),
      field({ label: t.position, name: 'position', value: p.position, maxlength: 120, autocomplete: 'organization-title' }),
      field({ label: t.accreditationNumber, name: 'accreditationNumber', value: p.accreditationNumber, maxlength: 64,
        autocomplete: 'off', spellcheck: 'false' }),
      field({ label: t.postingCity, name: 'postingCity', value: p.postingCity, maxlength: 120, autocomplete: 'address-level2' }),
      field({ label: t.postingEndsOn, name: 'postingEndsOn', type: 'date', value: p.postingEndsOn, min: range.min, max: range.max,
        hint: format(t.postingEndsHint, { max: formatDay(range.max, lang) }) }),
      field({ label: t.note, name: 'note', type: 'textarea', rows: 4, hint: t.noteHint, maxlength: 2000 }),
      alert,
      h('p', { class: 'actions' }, save),
      message);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      message.textContent = '';
      alert.hidden = true;
      const typed = values(form);
      const patch = changes(typed, {
        countryCode: p.countryCode, mission: p.mission, position: p.position, accreditationNumber: p.accreditationNumber,
        postingCity: p.postingCity, postingEndsOn: p.postingEndsOn, note: '',
      });
      const problems = this.check(patch, { mission: 200, position: 120, accreditationNumber: 64, postingCity: 120, note: 2000 }, range);
      if (problems.length > 0) {
        showErrors(form, { fieldErrors: problems }, t);
        return;
      }
      clearErrors(form);
      if (Object.keys(patch).length === 0) {
        message.textContent = t.nothingChanged;
        return;
      }
      save.disabled = true;
      try {
        this.profile = (await this.ctx.api('/api/identity/me/application', { method: 'PATCH', body: patch })) || this.profile;
        this.drawMembership();
        this.drawEdit();
        this.drawApplication();
        const sent = this.application.querySelector('#application-message');
        if (sent) {
          sent.textContent = t.applicationSaved;
          this.application.querySelector('#application-save').focus();
        }
      } catch (error) {
        this.failed(form, alert, error);
      } finally {
        save.disabled = false;
      }
    });
    this.application.replaceChildren(h('h2', { id: 'application-edit-title' }, t.applicationTitle),
      h('p', {}, t.applicationIntro), form);
  }

  /** Checks what the page can judge at once, in the reader's language; blank required texts and the date window. */
  check(patch, max, range) {
    const { t, lang } = this.ctx;
    const problems = [];
    for (const [name, value] of Object.entries(patch)) {
      if (name === 'postingEndsOn') {
        if (!value) {
          problems.push({ field: name, message: t.required });
        } else if (value < range.min || value > range.max) {
          problems.push({ field: name, message: format(t.dateRange, { min: formatDay(range.min, lang), max: formatDay(range.max, lang) }) });
        }
      } else if (value === '' && name !== 'note') {
        problems.push({ field: name, message: t.required });
      } else if (max[name] && value.length > max[name]) {
        problems.push({ field: name, message: format(t.tooLong, { max: max[name] }) });
      }
    }
    return problems;
  }

  failed(form, alert, error) {
    if (error.status === 400 && error.fieldErrors?.length > 0) {
      showErrors(form, fieldErrorsFor(form, error, this.ctx.lang), this.ctx.t);
    } else {
      clearErrors(form);
      showProblem(alert, error, this.ctx);
      alert.setAttribute('tabindex', '-1');
      alert.focus();
    }
  }

  leaveSection() {
    const { t } = this.ctx;
    const alert = alertBox({ id: 'leave-problem' });
    const progress = h('p', { role: 'status', id: 'leave-message' });
    const leave = h('button', { type: 'button', class: 'danger', id: 'leave', 'aria-expanded': 'false', 'aria-controls': 'leave-step' },
      t.leave);
    const word = t.leaveWord;
    const input = field({ label: format(t.leaveConfirmLabel, { word }), name: 'confirmation', autocomplete: 'off',
      spellcheck: 'false', autocapitalize: 'characters' });
    const control = input.querySelector('input');
    control.id = 'leave-word';
    input.querySelector('label').setAttribute('for', 'leave-word');
    const errorElement = input.querySelector('.error');
    const confirm = h('button', { type: 'submit', class: 'danger', id: 'leave-confirm' }, t.leaveConfirm);
    const cancel = h('button', { type: 'button', class: 'secondary', id: 'leave-cancel' }, t.leaveCancel);
    const step = h('form', { id: 'leave-step', class: 'leave-step', hidden: true, novalidate: true },
      h('p', {}, h('strong', {}, t.leaveFinal)), input, alert, h('p', { class: 'actions' }, confirm, cancel));
    errorElement.id = 'leave-word-error';
    control.setAttribute('aria-describedby', 'leave-word-error');

    leave.addEventListener('click', () => {
      step.hidden = false;
      leave.setAttribute('aria-expanded', 'true');
      control.focus();
    });
    cancel.addEventListener('click', () => {
      step.hidden = true;
      control.value = '';
      errorElement.hidden = true;
      control.removeAttribute('aria-invalid');
      alert.hidden = true;
      leave.setAttribute('aria-expanded', 'false');
      leave.focus();
    });
    step.addEventListener('submit', async (event) => {
      event.preventDefault();
      alert.hidden = true;
      if (!LEAVE_WORDS.has(control.value.trim().toUpperCase())) {
        errorElement.textContent = format(t.leaveMistyped, { word });
        errorElement.hidden = false;
        control.setAttribute('aria-invalid', 'true');
        control.focus();
        return;
      }
      errorElement.hidden = true;
      control.removeAttribute('aria-invalid');
      confirm.disabled = true;
      cancel.disabled = true;
      progress.textContent = t.leaving;
      try {
        await this.ctx.api('/api/identity/me', { method: 'DELETE' });
      } catch (error) {
        progress.textContent = '';
        showProblem(alert, error, this.ctx);
        confirm.disabled = false;
        cancel.disabled = false;
        return;
      }
      progress.textContent = t.left;
      // The gateway's session still holds tokens of an account that no longer exists: end it, and Keycloak's too.
      signOut();
    });
    return h('section', { id: 'leave-section', class: 'leave', 'aria-labelledby': 'leave-title' },
      h('h2', { id: 'leave-title' }, t.leaveTitle), h('p', {}, t.leaveIntro), h('p', {}, leave), step, progress);
  }
}

/** The fields whose value differs from what the service holds; absent fields stay as they are (PATCH). */
function changes(typed, before) {
  const patch = {};
  for (const [name, old] of Object.entries(before)) {
    if (name in typed && typed[name] !== (old ?? '')) {
      patch[name] = typed[name];
    }
  }
  return patch;
}

