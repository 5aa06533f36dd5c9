/** Login, logout and who is signed in (English). */
import type { CatalogPart } from '../catalog.ts';
import type { sessionEs } from './session.es-PE.ts';

export const sessionEn: CatalogPart<typeof sessionEs> = {
  'login.title': 'Sign in',
  'login.subtitle': 'Use your help-desk account.',
  'login.server': 'Server',
  'login.serverHelp': 'This address comes set up in the app; change it only if your supervisor tells you to.',
  'login.serverHelpEmpty': 'This computer has no server yet. Type the address your supervisor gave you, for example https://ayni.yourcompany.pe.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.expired': 'Your session ended',
  'login.pendingKept': { one: '{count} change is saved on this computer: it will be sent when you sign in again.', other: '{count} changes are saved on this computer: they will be sent when you sign in again.' },
  'login.error.title': 'Could not sign in',
  'login.error.INVALID_CREDENTIALS': 'The email or password is not correct. Check them and try again.',
  'login.error.OFFLINE': 'Could not reach the server {server}. Check the address and your internet connection.',
  'login.error.RATE_LIMITED': 'Too many failed attempts. Wait {minutes} min before trying again.',
  'login.error.RATE_LIMITED_SOON': 'Too many failed attempts. Wait a few minutes before trying again.',
  'login.error.VALIDATION': 'Check the details: the server must be a full web address (https://…) and the email a valid address.',
  'login.error.PENDING_EDITS_OTHER_SESSION': 'This computer holds unsent changes of another account. Sign in with that account first to send them.',
  'login.language': 'Español',
  'login.languageLabel': 'Switch the language to Spanish',

  'account.label': 'Your account',
  'account.logout': 'Sign out',
  'logout.title': 'Sign out?',
  'logout.body': 'You will return to the sign-in screen. Synced data stays on this computer.',
  'logout.pending': { one: '{count} change has not reached the server yet. It is not lost: it stays on this computer and is sent when you sign in again with this account.', other: '{count} changes have not reached the server yet. They are not lost: they stay on this computer and are sent when you sign in again with this account.' },
  'logout.confirm': 'Sign out',
  'logout.cancel': 'Keep working',
  'logout.error': 'Could not sign out',
};
