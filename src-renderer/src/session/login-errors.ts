/**
 * What the login screen says when the desk refuses a sign-in. The desk's
 * codes come from the sync engine (INVALID_CREDENTIALS, OFFLINE,
 * PENDING_EDITS_OTHER_SESSION), the server (RATE_LIMITED, with the wait in
 * its Spanish message) and input validation (VALIDATION). Known codes get our
 * own words in the UI language; anything else shows the desk's message.
 */
import type { AppError } from '../../../src-shared/result.ts';
import type { Translator } from '../i18n/index.ts';

/** "Vuelva a intentarlo en 15 min." → 15. The desk passes the server's message through. */
export function waitMinutesOf(error: AppError): number | null {
  const seconds = error.details?.['retryAfterSeconds'];
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds / 60);
  const match = /(\d+)\s*min/.exec(error.message);
  return match ? Number(match[1]) : null;
}

export function loginErrorText(error: AppError, server: string, t: Translator['t'], locale: Translator['locale']): string {
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
    case 'UNAUTHORIZED':
      return t('login.error.INVALID_CREDENTIALS');
    case 'OFFLINE':
      return t('login.error.OFFLINE', { server });
    case 'DESK_UNAVAILABLE':
      return t('error.DESK_UNAVAILABLE');
    case 'RATE_LIMITED': {
      const minutes = waitMinutesOf(error);
      return minutes === null ? t('login.error.RATE_LIMITED_SOON') : t('login.error.RATE_LIMITED', { minutes });
    }
    case 'VALIDATION':
      return t('login.error.VALIDATION');
    case 'PENDING_EDITS_OTHER_SESSION':
      // The desk's Spanish message names the other account; English gets the general sentence.
      return locale === 'es-PE' ? error.message : t('login.error.PENDING_EDITS_OTHER_SESSION');
    default:
      return t('error.withCode', { message: error.message, code: error.code });
  }
}
