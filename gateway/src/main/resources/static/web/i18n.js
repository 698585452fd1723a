// The page's texts in English and French. Keys match the data-text attributes of index.html.
export const texts = {
  en: {
    skip: 'Skip to content',
    languages: 'Language',
    title: 'Welcome to VisaPort',
    welcome: 'Welcome to VisaPort. If you are a member of the diplomatic corps, please sign in or register to use our services.',
    signIn: 'Sign in',
    signUp: 'Not a member yet? Sign up!',
    signUpSoon: 'Signing up from this page is coming soon.',
    greeting: 'Signed in as',
    signOut: 'Sign out',
    signInFailed: 'Signing in did not work. Please try again.',
    unavailable: 'VisaPort cannot be reached right now. Please try again later.',
  },
  fr: {
    skip: 'Aller au contenu',
    languages: 'Langue',
    title: 'Bienvenue sur VisaPort',
    welcome: 'Bienvenue sur VisaPort. Si vous êtes membre du corps diplomatique, veuillez vous connecter ou vous inscrire pour utiliser nos services.',
    signIn: 'Se connecter',
    signUp: 'Pas encore membre ? Inscrivez-vous !',
    signUpSoon: 'L’inscription depuis cette page arrive bientôt.',
    greeting: 'Connecté en tant que',
    signOut: 'Se déconnecter',
    signInFailed: 'La connexion n’a pas abouti. Veuillez réessayer.',
    unavailable: 'VisaPort est momentanément injoignable. Veuillez réessayer plus tard.',
  },
};

export const languages = Object.keys(texts);

// ?lang= first, then the remembered choice, then the browser's preference, else English.
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
