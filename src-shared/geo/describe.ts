/**
 * One sentence a person can read about a lookup result, for the booking
 * dialog, the ticket form and tooltips. Spanish first (es-PE), English second.
 */
import type { DistrictLookup, Locale } from '../ipc/desk-api.ts';
import { assertNever } from '../result.ts';
import { resolvePlace } from './lookup.ts';
import { placeKey } from './normalize.ts';

const AREA_ES = 'Solo atendemos en sitio en Lima Metropolitana y el Callao.';
const AREA_EN = 'On-site work covers only Lima Metropolitana and Callao.';

/** The name to put in the sentence for an outside place: the place as the lists spell it, else what was typed. */
function outsideSubject(query: string, locale: Locale): string {
  if (/^\d{6}$/.test(query)) return locale === 'en' ? `UBIGEO ${query}` : `El UBIGEO ${query}`;
  const resolution = resolvePlace(query);
  return resolution.kind === 'outside' ? resolution.typedName : query;
}

/** "a la Provincia de Huaral", "al Departamento de Ica", "a Lima Provincias". */
function belongsToEs(knownPlace: string): string {
  if (knownPlace.startsWith('Provincia ')) return `a la ${knownPlace}`;
  if (knownPlace.startsWith('Departamento ')) return `al ${knownPlace}`;
  return `a ${knownPlace}`;
}

function belongsToEn(knownPlace: string): string {
  const province = /^Provincia de (.+)$/.exec(knownPlace);
  if (province !== null) return `the province of ${province[1] ?? ''}`;
  const department = /^Departamento de (.+)$/.exec(knownPlace);
  if (department !== null) return `the department of ${department[1] ?? ''}`;
  return knownPlace;
}

export function describeLookup(result: DistrictLookup, locale: Locale): string {
  const en = locale === 'en';
  if (result.inArea) {
    const { name, zone } = result.district;
    return en ? `${name} is inside the service area (${zone}).` : `${name} está dentro del área de servicio (${zone}).`;
  }
  switch (result.code) {
    case 'EMPTY':
      return en ? 'Type a district of Lima or Callao, or its UBIGEO.' : 'Escriba un distrito de Lima o del Callao, o su UBIGEO.';
    case 'OUTSIDE_SERVICE_AREA': {
      const subject = outsideSubject(result.query, locale);
      // "Lima Provincias … pertenece a Lima Provincias" says nothing: drop the second half then.
      if (result.knownPlace === undefined || placeKey(result.knownPlace) === placeKey(subject)) {
        return en ? `${subject} is outside the service area. ${AREA_EN}` : `${subject} está fuera del área de servicio. ${AREA_ES}`;
      }
      return en
        ? `${subject} is outside the service area: it is in ${belongsToEn(result.knownPlace)}. ${AREA_EN}`
        : `${subject} está fuera del área de servicio: pertenece ${belongsToEs(result.knownPlace)}. ${AREA_ES}`;
    }
    case 'UNKNOWN_PLACE':
      return en
        ? `“${result.query}” is not a district of Lima Metropolitana or Callao that we recognise. Type the district's name or its 6-digit UBIGEO.`
        : `No reconocemos «${result.query}» como distrito de Lima Metropolitana o del Callao. Escriba el nombre del distrito o su UBIGEO de 6 dígitos.`;
    default:
      return assertNever(result.code, 'lookup code');
  }
}
