/**
 * "Is this place inside the service area?" — the answer the dispatcher needs
 * before booking an on-site visit, from whatever the customer said: a UBIGEO,
 * an official name, a nickname ("SJL", "Chosica"), a name with trimmings
 * ("Distrito de Breña", "Miraflores - Lima") or the tail of an address
 * ("Av. Larco 345, Miraflores").
 *
 * How a query is read, first hit wins:
 * 1. the whole query, then each comma/dash/parenthesis-separated part from
 *    the last to the first (addresses end with the district);
 * 2. each of those as typed, without a leading "Distrito de"/"UBIGEO", and
 *    without trailing "Lima", "Callao", "Perú" qualifiers;
 * 3. against: 6-digit UBIGEO, official district names, the variants of
 *    variants.ts, and the known places outside the area;
 * 4. failing all that, one typing slip (one letter wrong, missing, extra or
 *    swapped) in a name of 6+ letters, when it points to one place only.
 */
import type { DistrictLookup } from '../ipc/desk-api.ts';
import { listDistricts, toDistrictInfo, type District } from './districts.ts';
import { editDistance, placeKey, tidyQuery } from './normalize.ts';
import { OUTSIDE_PLACES, knownPlaceName, placeOfForeignUbigeo, type OutsidePlace } from './outside-places.ts';
import { DISTRICT_VARIANTS } from './variants.ts';

/** What a query resolved to, with the name to show for it. */
export type PlaceResolution =
  | { readonly kind: 'district'; readonly district: District; readonly matchedBy: 'ubigeo' | 'name' | 'variant'; readonly typedName: string }
  | { readonly kind: 'outside'; readonly place: OutsidePlace; readonly typedName: string }
  | { readonly kind: 'unknown' };

interface OutsideEntry {
  readonly place: OutsidePlace;
  /** The alias as written in outside-places.ts, accents included, for messages. */
  readonly display: string;
}

const NAME_INDEX = new Map<string, District>();
const VARIANT_INDEX = new Map<string, District>();
const OUTSIDE_INDEX = new Map<string, OutsideEntry>();

function buildIndexes(): void {
  for (const district of listDistricts()) NAME_INDEX.set(placeKey(district.name), district);
  for (const [ubigeo, variants] of Object.entries(DISTRICT_VARIANTS)) {
    const district = listDistricts().find((d) => d.ubigeo === ubigeo);
    if (district === undefined) throw new Error(`variants.ts lists ${ubigeo}, which is not a service-area district.`);
    for (const variant of variants) addUnique(VARIANT_INDEX, placeKey(variant), district, 'district variant');
  }
  for (const { place, names } of OUTSIDE_PLACES) {
    // The bare `place.name` is not added by itself: "San Martín" must stay ambiguous (see outside-places.ts).
    for (const name of [knownPlaceName(place), ...names]) {
      const key = placeKey(name);
      if (OUTSIDE_INDEX.get(key)?.place.name === place.name) continue;
      addUnique(OUTSIDE_INDEX, key, { place, display: name === knownPlaceName(place) ? place.name : name }, 'outside place');
    }
  }
  // A name that is both inside and outside would make the answer depend on lookup order.
  for (const key of [...VARIANT_INDEX.keys(), ...OUTSIDE_INDEX.keys()]) {
    const owners = [NAME_INDEX.has(key), VARIANT_INDEX.has(key), OUTSIDE_INDEX.has(key)].filter(Boolean).length;
    if (owners > 1) throw new Error(`Place name "${key}" is listed twice (official name, variant or outside place).`);
  }
}

function addUnique<V>(index: Map<string, V>, key: string, value: V, what: string): void {
  if (key === '') throw new Error(`Empty ${what} key.`);
  if (index.has(key)) throw new Error(`Duplicate ${what}: "${key}".`);
  index.set(key, value);
}

buildIndexes();

const LEADING_NOISE = ['distrito de', 'distrito del', 'distrito', 'dist', 'district of', 'district', 'ubigeo', 'municipalidad distrital de', 'municipalidad de'].map(placeKey);
const TRAILING_QUALIFIERS = [
  'peru',
  'lima peru',
  'lima metropolitana',
  'provincia de lima',
  'departamento de lima',
  'region lima',
  'provincia constitucional del callao',
  'lima callao',
  'callao',
  'lima',
].map(placeKey);

function withoutLeadingNoise(key: string): string {
  for (const noise of LEADING_NOISE) {
    if (key.startsWith(`${noise} `)) return key.slice(noise.length + 1);
  }
  return key;
}

/** Drops "… Lima", "… Callao, Perú" and the like, but never the whole key ("Lima" alone is a district). */
function withoutTrailingQualifiers(key: string): string {
  let current = key;
  for (let changed = true; changed; ) {
    changed = false;
    for (const qualifier of TRAILING_QUALIFIERS) {
      if (current.endsWith(` ${qualifier}`)) {
        current = current.slice(0, current.length - qualifier.length - 1);
        changed = true;
      }
    }
  }
  return current;
}

/** "s j l" → "sjl", so "S.J.L." reads like "SJL". */
function joinedInitials(key: string): string {
  return /^([a-z] )+[a-z]$/.test(key) ? key.replace(/ /g, '') : key;
}

/** Every key worth trying for one piece of the query, most literal first. */
function formsOf(piece: string): string[] {
  const key = placeKey(piece);
  const stripped = withoutLeadingNoise(key);
  const forms = [key, stripped, withoutTrailingQualifiers(key), withoutTrailingQualifiers(stripped)].map(joinedInitials);
  return [...new Set(forms)].filter((form) => form !== '');
}

/**
 * The whole query first, then its parts from last to first; parts that are
 * only a qualifier ("Lima", "Callao", "Perú") go last, so "Av. Larco 345,
 * Miraflores, Lima" finds Miraflores while "Jr. Ica 123, Lima" still finds Lima.
 */
function piecesOf(typed: string): string[] {
  const parts = typed
    .split(/[,;|/()[\]]|\s[-–—]\s/)
    .map((part) => part.trim())
    .filter((part) => placeKey(part) !== '')
    .reverse();
  if (parts.length <= 1) return [typed];
  const isQualifier = (part: string): boolean => TRAILING_QUALIFIERS.includes(placeKey(part));
  return [typed, ...parts.filter((part) => !isQualifier(part)), ...parts.filter(isQualifier)];
}

function exactMatch(form: string, typedName: string): PlaceResolution | undefined {
  if (/^\d{6}$/.test(form)) {
    const district = listDistricts().find((d) => d.ubigeo === form);
    if (district !== undefined) return { kind: 'district', district, matchedBy: 'ubigeo', typedName };
    const place = placeOfForeignUbigeo(form);
    return place === undefined ? undefined : { kind: 'outside', place, typedName };
  }
  const byName = NAME_INDEX.get(form);
  if (byName !== undefined) return { kind: 'district', district: byName, matchedBy: 'name', typedName };
  const byVariant = VARIANT_INDEX.get(form);
  if (byVariant !== undefined) return { kind: 'district', district: byVariant, matchedBy: 'variant', typedName };
  const outside = OUTSIDE_INDEX.get(form);
  if (outside !== undefined) return { kind: 'outside', place: outside.place, typedName: outside.display };
  return undefined;
}

const MIN_FUZZY_LENGTH = 6;

/** One slip forgiven, only when every near name points to the same place. */
function fuzzyMatch(forms: readonly string[], typedName: string): PlaceResolution | undefined {
  const hits = new Map<string, PlaceResolution>();
  for (const form of forms) {
    if (form.length < MIN_FUZZY_LENGTH || /\d/.test(form)) continue;
    for (const index of [NAME_INDEX, VARIANT_INDEX]) {
      for (const [key, district] of index) {
        if (key.length >= MIN_FUZZY_LENGTH && editDistance(form, key, 1) <= 1) {
          hits.set(`d:${district.ubigeo}`, { kind: 'district', district, matchedBy: 'variant', typedName });
        }
      }
    }
    for (const [key, entry] of OUTSIDE_INDEX) {
      if (key.length >= MIN_FUZZY_LENGTH && editDistance(form, key, 1) <= 1) {
        hits.set(`o:${knownPlaceName(entry.place)}`, { kind: 'outside', place: entry.place, typedName: entry.display });
      }
    }
  }
  return hits.size === 1 ? [...hits.values()][0] : undefined;
}

/** Resolves a query to a district, a place outside the area, or nothing. */
export function resolvePlace(query: string): PlaceResolution {
  const typed = tidyQuery(query);
  const pieces = piecesOf(typed);
  for (const piece of pieces) {
    for (const form of formsOf(piece)) {
      const hit = exactMatch(form, piece);
      if (hit !== undefined) return hit;
    }
  }
  for (const piece of pieces) {
    const hit = fuzzyMatch(formsOf(piece), piece);
    if (hit !== undefined) return hit;
  }
  return { kind: 'unknown' };
}

/**
 * Looks a place up in the service area. Never throws: an empty query is
 * EMPTY, a place known to be elsewhere is OUTSIDE_SERVICE_AREA with the
 * province or department in `knownPlace`, anything else UNKNOWN_PLACE.
 */
export function lookupDistrict(query: string): DistrictLookup {
  const typed = tidyQuery(query);
  if (placeKey(typed) === '') return { inArea: false, code: 'EMPTY', query: typed };
  const resolution = resolvePlace(typed);
  switch (resolution.kind) {
    case 'district':
      return { inArea: true, district: toDistrictInfo(resolution.district), matchedBy: resolution.matchedBy };
    case 'outside':
      return { inArea: false, code: 'OUTSIDE_SERVICE_AREA', query: typed, knownPlace: knownPlaceName(resolution.place) };
    case 'unknown':
      return { inArea: false, code: 'UNKNOWN_PLACE', query: typed };
  }
}
