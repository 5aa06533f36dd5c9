/**
 * The operating system of Settings › About in words a person uses: `app.info`
 * carries Node's `process.platform` of the desk ("linux", "win32",
 * "darwin"), which reads like a bug to a technician. In browser mode it is
 * still the desk's system (the bridge runs there); the Mode row already says
 * the console is in a browser. System names are the same in both languages;
 * only an unknown one needs words around it.
 */
import type { Translator } from '../../i18n/index.ts';

const PLATFORM_NAMES: ReadonlyMap<string, string> = new Map([
  ['linux', 'Linux'],
  ['win32', 'Windows'],
  ['darwin', 'macOS'],
  ['freebsd', 'FreeBSD'],
  ['openbsd', 'OpenBSD'],
  ['netbsd', 'NetBSD'],
  ['aix', 'AIX'],
  ['sunos', 'Solaris'],
  ['android', 'Android'],
  ['cygwin', 'Windows (Cygwin)'],
  ['haiku', 'Haiku'],
]);

export function platformName(platform: string, t: Translator['t']): string {
  return PLATFORM_NAMES.get(platform) ?? t('settings.about.platformOther', { platform });
}
