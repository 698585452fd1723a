// Texts of the page frame in English and French; each page module brings its own texts in the same shape.

export const languages = ['en', 'fr'];

export const frameTexts = {
  en: {
    skip: 'Skip to content',
    languages: 'Language',
    siteNav: 'VisaPort',
    footer: 'VisaPort — news and discussion for the diplomatic corps.',
    news: 'News',
    notifications: 'Notifications',
    unreadSuffix: ', {count} unread',
    profile: 'Profile',
    moderation: 'Moderation',
    newsroom: 'Newsroom',
    signIn: 'Sign in',
    signUp: 'Sign up',
    signOut: 'Sign out',
    loading: 'Loading…',
    pageLoaded: '{title} page loaded',
    notFoundTitle: 'Page not found',
    notFound: 'There is no page at this address.',
    forbiddenTitle: 'Not for your account',
    forbidden: 'This page is for {roles} only. Your account does not have access to it.',
    signInNeededTitle: 'Please sign in',
    signInNeeded: 'This page is for signed-in members.',
    unavailable: 'VisaPort cannot be reached right now. Please try again later.',
    failed: 'That did not work. Please try again.',
    fixFields: 'Please correct the fields marked below.',
    backToNews: 'Back to the news',
    roleNames: { moderator: 'moderators', admin: 'administrators', editor: 'editors', member: 'members' },
    or: 'or',
  },
  fr: {
    skip: 'Aller au contenu',
    languages: 'Langue',
    siteNav: 'VisaPort',
    footer: 'VisaPort — actualités et débats pour le corps diplomatique.',
    news: 'Actualités',
    notifications: 'Notifications',
    unreadSuffix: ', {count} non lues',
    profile: 'Profil',
    moderation: 'Modération',
    newsroom: 'Rédaction',
    signIn: 'Se connecter',
    signUp: 'S’inscrire',
    signOut: 'Se déconnecter',
    loading: 'Chargement…',
    pageLoaded: 'Page « {title} » chargée',
    notFoundTitle: 'Page introuvable',
    notFound: 'Il n’y a pas de page à cette adresse.',
    forbiddenTitle: 'Accès réservé',
    forbidden: 'Cette page est réservée aux {roles}. Votre compte n’y a pas accès.',
    signInNeededTitle: 'Veuillez vous connecter',
    signInNeeded: 'Cette page est réservée aux membres connectés.',
    unavailable: 'VisaPort est momentanément injoignable. Veuillez réessayer plus tard.',
    failed: 'Cela n’a pas abouti. Veuillez réessayer.',
    fixFields: 'Veuillez corriger les champs signalés ci-dessous.',
    backToNews: 'Retour aux actualités',
    roleNames: { moderator: 'modérateurs', admin: 'administrateurs', editor: 'rédacteurs', member: 'membres' },
    or: 'ou',
  },
};

/** ?lang= first, then the remembered choice, then the browser's preference, else English. */
export function chooseLanguage(search, stored, preferred) {
  const asked = new URLSearchParams(search).get('lang');
  for (const candidate of [asked, stored, ...(preferred || [])]) {
    const lang = (candidate || '').slice(0, 2).toLowerCase();
    if (languages.includes(lang)) {
      return lang;
    }
  }
  return 'en';
}

/**
 * The texts of one language, English where a key is missing, as an object; format(text, {count: 3}) fills {count}.
 */
export function textsFor(texts, lang) {
  return { ...texts.en, ...(texts[lang] || {}) };
}

export function format(text, values = {}) {
  return String(text).replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
