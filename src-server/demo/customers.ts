/**
 * The customers: Lima businesses with a RUC, mailboxes on their own domain,
 * a Lima phone number and a street address, spread over all 50 districts of
 * the service area, plus a few in towns outside it (served remotely only).
 */
import type { Customer } from '../../src-shared/protocol/entities.ts';
import { listDistricts } from '../../src-shared/geo/districts.ts';
import { SECTORS, type Sector } from './catalog/companies.ts';
import { asciiSlug, randomPerson, type PersonName } from './catalog/people.ts';
import { OUTSIDE_AREA_PLACES, outsideAddress, randomAddress, type OutsidePlace } from './catalog/streets.ts';
import { iso, DAY_MS } from './clock.ts';
import { pickPlan, type DemoPlan } from './plans.ts';
import type { Rng } from './prng.ts';

export interface Contact {
  readonly person: PersonName;
  readonly email: string;
}

export interface Branch {
  /** "Sede Ate" — what customers write in affectedSite. */
  readonly name: string;
  readonly ubigeo: string;
  readonly address: string;
}

/** A customer plus what the generator needs to invent its tickets; only `customer` goes on the wire. */
export interface CustomerProfile {
  readonly customer: Customer;
  readonly sector: Sector;
  readonly contacts: readonly Contact[];
  /** The plan the customer had when the demo history starts. */
  readonly initialPlan: DemoPlan;
  /** Relative ticket rate (plan size × how IT-hungry this business is). */
  readonly ticketRate: number;
  /** Zone of the service area, or null outside it. */
  readonly zone: string | null;
  readonly branch: Branch | null;
  readonly outside: OutsidePlace | null;
}

/**
 * Where Lima's small and medium businesses are: the commercial districts
 * weigh most, but every district gets at least one customer.
 */
const DISTRICT_WEIGHTS: Readonly<Record<string, number>> = {
  '150131': 12, '150122': 10, '150140': 10, '150101': 9, '150115': 8, '150113': 6, '150116': 5, '150130': 5,
  '150103': 5, '150117': 5, '150132': 5, '150135': 4, '150136': 4, '150141': 3, '150114': 3, '150105': 3,
  '150120': 3, '150121': 3, '070101': 4, '150110': 2, '150112': 2, '150134': 2, '150137': 2, '150133': 2,
  '150142': 2, '150143': 2, '150108': 2, '150104': 2, '150128': 2, '150111': 1, '070102': 1, '150125': 1,
};

/** RUC check digit (SUNAT modulo 11 over the first ten digits). */
export function rucCheckDigit(first10: string): number {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * (weights[i] ?? 0);
  const r = 11 - (sum % 11);
  return r === 10 ? 0 : r === 11 ? 1 : r;
}

function randomRuc(rng: Rng, used: Set<string>): string {
  for (;;) {
    let body = '20';
    // Companies registered since the 1990s carry RUCs 201… to 206…
    body += String(rng.int(1, 6));
    for (let i = 0; i < 7; i++) body += String(rng.int(0, 9));
    const ruc = body + String(rucCheckDigit(body));
    if (!used.has(ruc)) {
      used.add(ruc);
      return ruc;
    }
  }
}

function limaPhone(rng: Rng): string {
  if (rng.chance(0.3)) return mobilePhone(rng);
  return `(01) ${rng.int(2, 7)}${rng.int(10, 99)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

/** Outside the city the demo gives a mobile number: landline codes there are not something to guess. */
function mobilePhone(rng: Rng): string {
  return `9${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
}

/** Words every company name in a sector shares: a domain keeps their initials and spells out the rest. */
const GENERIC_WORDS = new Set([
  'estudio', 'contable', 'contadores', 'asociados', 'consultores', 'contables', 'asesoria', 'clinica', 'centro', 'medico', 'policlinico',
  'odontologica', 'laboratorio', 'clinico', 'colegio', 'institucion', 'educativa', 'privada', 'bilingue', 'ferreteria', 'distribuidora',
  'ferretera', 'comercial', 'ferretero', 'materiales', 'hermanos', 'transportes', 'empresa', 'logistica', 'servicios', 'restaurante',
  'cevicheria', 'polleria', 'chifa', 'inversiones', 'gastronomicas', 'notaria', 'abogados', 'inmobiliaria', 'constructora', 'importaciones',
  'corporacion', 'comercializadora', 'peru', 'negociaciones', 'confecciones', 'textil', 'industrias', 'textiles', 'botica', 'boticas',
  'farmacia', 'hotel', 'hostal', 'apart', 'agencia', 'aduanas', 'operador', 'logistico', 'veterinaria', 'academia', 'preuniversitaria',
  'instituto', 'idiomas', 'capacitacion', 'panaderia', 'pasteleria', 'panificadora',
]);
const STOP_WORDS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e']);

function domainFor(rng: Rng, baseName: string, used: Set<string>): string {
  const words = baseName.split(/[\s,&]+/).map(asciiSlug).filter((w) => w !== '' && !STOP_WORDS.has(w));
  const generic = words.filter((w) => GENERIC_WORDS.has(w));
  const specific = words.filter((w) => !GENERIC_WORDS.has(w));
  const prefix = generic.length === 1 ? (generic[0] ?? '') : generic.map((w) => w[0]).join('');
  const tld = baseName.startsWith('Colegio') || baseName.startsWith('Institución') ? '.edu.pe' : rng.weighted(['.com.pe', '.pe', '.com'], [6, 2, 2]);
  const candidates = [`${prefix}${specific.join('')}`, specific.join(''), `${prefix}${specific.slice(0, 1).join('')}`];
  for (const candidate of candidates) {
    const domain = `${candidate.slice(0, 30)}${tld}`;
    if (candidate.length >= 5 && !used.has(domain)) {
      used.add(domain);
      return domain;
    }
  }
  for (let n = 2; ; n++) {
    const domain = `${(candidates[0] ?? 'empresa').slice(0, 28)}${n}${tld}`;
    if (!used.has(domain)) {
      used.add(domain);
      return domain;
    }
  }
}

export interface CustomerOptions {
  readonly inArea: number;
  readonly outsideArea: number;
  /** Customers exist before the demo history starts. */
  readonly historyStartMs: number;
}

export function generateCustomers(rng: Rng, plans: readonly DemoPlan[], options: CustomerOptions): CustomerProfile[] {
  const districts = listDistricts();
  const usedNames = new Set<string>();
  const usedRucs = new Set<string>();
  const usedDomains = new Set<string>();
  const profiles: CustomerProfile[] = [];

  // Every district once (so the whole area is represented), then by business density.
  const homes: Array<{ ubigeo: string; zone: string } | OutsidePlace> = districts.map((d) => ({ ubigeo: d.ubigeo, zone: d.zone }));
  const weights = districts.map((d) => DISTRICT_WEIGHTS[d.ubigeo] ?? 0.5);
  while (homes.length < options.inArea) {
    const d = rng.weighted(districts, weights);
    homes.push({ ubigeo: d.ubigeo, zone: d.zone });
  }
  const inArea = rng.shuffle(homes.slice(0, Math.max(options.inArea, districts.length)));
  const outside = Array.from({ length: options.outsideArea }, (_, i) => OUTSIDE_AREA_PLACES[i % OUTSIDE_AREA_PLACES.length] as OutsidePlace);
  // Outside-area customers are interleaved so they get ordinary codes, not a block at the end.
  const all: Array<{ ubigeo: string; zone: string } | OutsidePlace> = [...inArea];
  for (const place of outside) all.splice(rng.int(0, all.length), 0, place);

  for (const home of all) {
    const sector = rng.weighted(SECTORS, SECTORS.map((s) => s.weight));
    const legalForm = rng.pick(sector.legalForms);
    let baseName = sector.baseName(rng);
    for (let attempt = 0; usedNames.has(baseName) && attempt < 20; attempt++) baseName = sector.baseName(rng);
    if (usedNames.has(baseName)) baseName = `${baseName} ${randomPerson(rng).surname1}`;
    for (let n = 2; usedNames.has(baseName); n++) baseName = `${baseName} ${n}`;
    usedNames.add(baseName);
    const name = legalForm === '' ? baseName : `${baseName} ${legalForm}`;
    const domain = domainFor(rng, baseName, usedDomains);

    const contacts: Contact[] = [];
    const contactCount = rng.int(1, 2);
    for (let c = 0; c < contactCount; c++) {
      const person = randomPerson(rng);
      contacts.push({ person, email: `${asciiSlug(person.given.slice(0, 1))}${asciiSlug(person.surname1)}@${domain}` });
    }
    const mailboxes = rng.shuffle(sector.mailboxes).slice(0, rng.int(1, 2)).map((m) => `${m}@${domain}`);
    const emails = [...new Set([...mailboxes, ...contacts.map((c) => c.email)])];

    const isOutside = 'town' in home;
    const ubigeo = home.ubigeo;
    const address = isOutside ? outsideAddress(rng, home) : randomAddress(rng, ubigeo);
    const initialPlan = pickPlan(rng, plans);
    // Customers signed up in the company's first years, up to three years before the history starts
    // (every month since sign-up has a balance row, so this also bounds the seed).
    const createdAt = options.historyStartMs - rng.int(30, 3 * 365) * DAY_MS - rng.int(0, 10 * 60) * 60_000;
    let branch: Branch | null = null;
    if (!isOutside && rng.chance(0.15)) {
      const d = rng.weighted(districts, weights);
      if (d.ubigeo !== ubigeo) branch = { name: `Sede ${d.name}`, ubigeo: d.ubigeo, address: randomAddress(rng, d.ubigeo) };
    }
    const customer: Customer = {
      id: rng.uuid(),
      code: '', // numbered below, in sign-up order
      name,
      ruc: randomRuc(rng, usedRucs),
      emails,
      phone: isOutside ? mobilePhone(rng) : limaPhone(rng),
      districtUbigeo: ubigeo,
      address,
      // A handful of former customers stay on file, inactive: history is never deleted.
      active: !rng.chance(0.02),
      createdAt: iso(createdAt),
    };
    // Some businesses simply break more things: a long tail of heavy users.
    const appetite = rng.chance(0.1) ? 1.8 + rng.next() * 1.5 : 0.4 + rng.next() * 1.0;
    profiles.push({
      customer,
      sector,
      contacts,
      initialPlan,
      ticketRate: customer.active ? initialPlan.ticketRate * appetite : 0,
      zone: isOutside ? null : home.zone,
      branch,
      outside: isOutside ? home : null,
    });
  }
  // Codes follow sign-up order, as a desk numbers its customers.
  profiles.sort((a, b) => (a.customer.createdAt < b.customer.createdAt ? -1 : a.customer.createdAt > b.customer.createdAt ? 1 : 0));
  return profiles.map((p, i) => ({ ...p, customer: { ...p.customer, code: `CLI-${String(i + 1).padStart(4, '0')}` } }));
}
