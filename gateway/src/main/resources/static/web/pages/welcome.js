// The welcome page: what VisaPort is, sign in, sign up; once signed in, a greeting and the way to the news.
import { h, link, replace } from '../dom.js';

export const texts = {
  en: {
    title: 'Welcome to VisaPort',
    welcome: 'Welcome to VisaPort. If you are a member of the diplomatic corps, please sign in or register to use our services.',
    what: 'News briefings from the missions, with full text for members and teasers for everyone, and moderated discussion beneath each one.',
    notMember: 'Not a member yet?',
    signUpLink: 'Sign up',
    greeting: 'Welcome back, {name}.',
    readNews: 'Read the news',
    applicantNote: 'Your application is being reviewed. You will get an e-mail once a moderator has decided.',
    signInFailed: 'Signing in did not work. Please try again.',
  },
  fr: {
    title: 'Bienvenue sur VisaPort',
    welcome: 'Bienvenue sur VisaPort. Si vous êtes membre du corps diplomatique, veuillez vous connecter ou vous inscrire pour utiliser nos services.',
    what: 'Des dépêches des missions, en texte intégral pour les membres et en résumé pour tous, avec une discussion modérée sous chacune.',
    notMember: 'Pas encore membre ?',
    signUpLink: 'Inscrivez-vous',
    greeting: 'Bon retour, {name}.',
    readNews: 'Lire les actualités',
    applicantNote: 'Votre demande est en cours d’examen. Vous recevrez un e-mail dès qu’un modérateur aura décidé.',
    signInFailed: 'La connexion n’a pas abouti. Veuillez réessayer.',
  },
};

export function render({ main, session, t, setTitle, signInLink, query }) {
  setTitle(t.title);
  const failed = query.get('signin') === 'failed' ? h('p', { role: 'alert', class: 'problem' }, t.signInFailed) : null;
  if (session.signedIn) {
    const applicant = !session.roles.includes('member') && session.roles.includes('applicant');
    replace(main, h('h1', {}, t.title), failed,
      h('p', { id: 'greeting' }, t.greeting.replace('{name}', session.displayName)),
      applicant ? h('p', { class: 'note' }, t.applicantNote) : null,
      h('p', {}, link('/news', { class: 'button' }, t.readNews)));
    return;
  }
  replace(main, h('h1', {}, t.title), failed,
    h('p', {}, t.welcome),
    h('p', { class: 'note' }, t.what),
    h('p', { class: 'actions' }, signInLink(t.signIn, { class: 'button' }), ' ', link('/news', { class: 'button secondary' }, t.readNews)),
    h('p', {}, `${t.notMember} `, link('/signup', { id: 'sign-up' }, t.signUpLink)));
}
