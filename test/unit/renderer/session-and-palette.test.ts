import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src-renderer/src/i18n/catalog.ts';
import { en } from '../../../src-renderer/src/i18n/en.ts';
import { esPE } from '../../../src-renderer/src/i18n/es-PE.ts';
import { loginErrorText, waitMinutesOf } from '../../../src-renderer/src/session/login-errors.ts';
import { foldText, matchesQuery, ticketNumberOf } from '../../../src-renderer/src/shell/palette-match.ts';
import { hashOf, locationFromHash } from '../../../src-renderer/src/state/routes.ts';

const es = createTranslator('es-PE', esPE);
const english = createTranslator('en', en);
const SERVER = 'http://127.0.0.1:4100';

describe('login refusals in plain words', () => {
  it('wrong password, server unreachable, too many attempts', () => {
    expect(loginErrorText({ code: 'INVALID_CREDENTIALS', message: 'Correo o contraseña incorrectos.' }, SERVER, es.t, es.locale)).toBe(
      'El correo o la contraseña no son correctos. Revíselos e inténtelo de nuevo.',
    );
    expect(loginErrorText({ code: 'OFFLINE', message: 'No se pudo conectar…' }, SERVER, es.t, es.locale)).toBe(
      `No se pudo conectar con el servidor ${SERVER}. Revise la dirección y su conexión a internet.`,
    );
    expect(loginErrorText({ code: 'RATE_LIMITED', message: 'No se pudo iniciar sesión: Demasiados intentos fallidos. Vuelva a intentarlo en 15 min.' }, SERVER, es.t, es.locale)).toBe(
      'Demasiados intentos fallidos. Espere 15 min antes de volver a intentarlo.',
    );
    expect(loginErrorText({ code: 'RATE_LIMITED', message: 'x' }, SERVER, english.t, english.locale)).toBe('Too many failed attempts. Wait a few minutes before trying again.');
  });

  it('reads the wait from the details first, then from the message', () => {
    expect(waitMinutesOf({ code: 'RATE_LIMITED', message: 'en 3 min', details: { retryAfterSeconds: 61 } })).toBe(2);
    expect(waitMinutesOf({ code: 'RATE_LIMITED', message: 'Vuelva a intentarlo en 7 min.' })).toBe(7);
    expect(waitMinutesOf({ code: 'RATE_LIMITED', message: 'pronto' })).toBeNull();
  });

  it('shows anything unknown with its code, never an empty message', () => {
    expect(loginErrorText({ code: 'SYNC_MALFORMED_RESPONSE', message: 'Datos no válidos.' }, SERVER, es.t, es.locale)).toBe('Datos no válidos. (código SYNC_MALFORMED_RESPONSE)');
  });
});

describe('command palette matching', () => {
  it('ignores accents and case and needs every word', () => {
    expect(foldText('Atención')).toBe('atencion');
    expect(matchesQuery('Ir a Requiere atención', 'atencion')).toBe(true);
    expect(matchesQuery('Ir a la vista Sin asignar', 'vista asig')).toBe(true);
    expect(matchesQuery('Crear un ticket', 'crear vista')).toBe(false);
    expect(matchesQuery('Crear un ticket', '  ')).toBe(true);
  });

  it('recognises a ticket number however it is typed', () => {
    expect(ticketNumberOf('#1042')).toBe(1042);
    expect(ticketNumberOf(' 1042 ')).toBe(1042);
    expect(ticketNumberOf('n.º 1042')).toBe(1042);
    expect(ticketNumberOf('impresora 1042')).toBeNull();
  });
});

describe('routes', () => {
  it('reads screens and tickets from the fragment, and writes them back', () => {
    const id = '0a1b2c3d-0000-4000-8000-00000000abcd';
    expect(locationFromHash(`#/ticket/${id}`)).toEqual({ route: 'ticket', ticketId: id });
    expect(locationFromHash('#/ticket/not-a-uuid')).toEqual({ route: 'queue', ticketId: null });
    expect(locationFromHash('#/ticket')).toEqual({ route: 'queue', ticketId: null });
    expect(locationFromHash('#/attention')).toEqual({ route: 'attention', ticketId: null });
    expect(locationFromHash('#/settings')).toEqual({ route: 'settings/general', ticketId: null });
    expect(hashOf('ticket', id)).toBe(`#/ticket/${id}`);
    expect(hashOf('settings/calendar')).toBe('#/settings/calendar');
  });
});
