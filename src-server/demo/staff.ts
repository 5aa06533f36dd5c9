/**
 * The support company's own people: technicians (each starting the day from
 * a home district in one zone of the city), dispatchers, supervisors and an
 * admin. The first of each role is a demo login (DESIGN.md §4).
 */
import type { User, Role } from '../../src-shared/protocol/entities.ts';
import { districtByUbigeo, listDistricts } from '../../src-shared/geo/districts.ts';
import { asciiSlug, randomPerson } from './catalog/people.ts';
import type { Rng } from './prng.ts';

export const DEMO_PASSWORD = 'ayni-demo';

export const DEMO_LOGINS: Readonly<Record<Role, string>> = {
  technician: 'tecnico@demo.ayni.pe',
  dispatcher: 'despacho@demo.ayni.pe',
  supervisor: 'supervisor@demo.ayni.pe',
  admin: 'admin@demo.ayni.pe',
};

/** A generated user; `password` is set (plaintext) only for the four demo logins, null otherwise. */
export interface DemoUser extends User {
  readonly password: string | null;
}

export interface Technician {
  /** Position in `Staff.technicians`; the schedule indexes by it. */
  readonly index: number;
  readonly user: DemoUser;
  readonly zone: string;
}

export interface Staff {
  readonly users: DemoUser[];
  readonly technicians: Technician[];
  readonly dispatchers: DemoUser[];
  readonly supervisors: DemoUser[];
  readonly admins: DemoUser[];
  /** Technician indexes per zone ("Lima Centro", "Callao"…). */
  readonly techniciansByZone: ReadonlyMap<string, readonly number[]>;
}

export interface StaffSize {
  readonly technicians: number;
  readonly dispatchers: number;
  readonly supervisors: number;
}

/** The named crew of the normal-size demo: who they are and where they live. */
const CORE_TECHNICIANS: ReadonlyArray<{ name: string; home: string }> = [
  { name: 'Luis Quispe Huamán', home: '150113' }, // Jesús María
  { name: 'Carmen Rojas Vílchez', home: '150141' }, // Surquillo
  { name: 'Diana Torres Salazar', home: '150130' }, // San Borja
  { name: 'Jorge Mamani Condori', home: '150117' }, // Los Olivos
  { name: 'Rosa Flores Ccahuana', home: '150135' }, // San Martín de Porres
  { name: 'Miguel Chávez Paredes', home: '150132' }, // San Juan de Lurigancho
  { name: 'Renzo Gutiérrez Ramos', home: '150142' }, // Villa El Salvador
  { name: 'Kelly Huamaní Ayala', home: '070102' }, // Bellavista
];
const CORE_DISPATCHERS = ['Patricia Salas Medina', 'Óscar Villanueva Ríos'];
const CORE_SUPERVISORS = ['Mónica Cárdenas Lazo'];
const CORE_ADMIN = 'Ricardo Espinoza Tello';

/** Zone weights for technicians beyond the core crew: where the customers are. */
const ZONE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [['Lima Centro', 45], ['Lima Norte', 18], ['Lima Este', 15], ['Lima Sur', 12], ['Callao', 10]];

export function generateStaff(rng: Rng, size: StaffSize): Staff {
  const users: DemoUser[] = [];
  const usedEmails = new Set<string>(Object.values(DEMO_LOGINS));

  function person(role: Role, name: string, login: string | null, home: string | null): DemoUser {
    let email = login;
    if (email === null) {
      const parts = name.split(' ');
      const base = `${asciiSlug(parts[0] ?? 'usuario')}.${asciiSlug(parts[1] ?? 'ayni')}`;
      email = `${base}@demo.ayni.pe`;
      for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@demo.ayni.pe`;
      usedEmails.add(email);
    }
    const user: DemoUser = { id: rng.uuid(), name, email, role, homeDistrictUbigeo: home, active: true, password: login === null ? null : DEMO_PASSWORD };
    users.push(user);
    return user;
  }

  const districtsByZone = new Map<string, string[]>();
  for (const d of listDistricts()) districtsByZone.set(d.zone, [...(districtsByZone.get(d.zone) ?? []), d.ubigeo]);

  const technicians: Technician[] = [];
  for (let i = 0; i < size.technicians; i++) {
    const core = CORE_TECHNICIANS[i];
    let name: string;
    let home: string;
    if (core !== undefined) {
      name = core.name;
      home = core.home;
    } else {
      name = randomPerson(rng).full;
      const zone = rng.weighted(ZONE_WEIGHTS.map(([z]) => z), ZONE_WEIGHTS.map(([, w]) => w));
      home = rng.pick(districtsByZone.get(zone) ?? ['150101']);
    }
    const user = person('technician', name, i === 0 ? DEMO_LOGINS.technician : null, home);
    technicians.push({ index: i, user, zone: districtByUbigeo(home)?.zone ?? 'Lima Centro' });
  }
  const dispatchers = Array.from({ length: size.dispatchers }, (_, i) => person('dispatcher', CORE_DISPATCHERS[i] ?? randomPerson(rng).full, i === 0 ? DEMO_LOGINS.dispatcher : null, null));
  const supervisors = Array.from({ length: size.supervisors }, (_, i) => person('supervisor', CORE_SUPERVISORS[i] ?? randomPerson(rng).full, i === 0 ? DEMO_LOGINS.supervisor : null, null));
  const admins = [person('admin', CORE_ADMIN, DEMO_LOGINS.admin, null)];

  const techniciansByZone = new Map<string, number[]>();
  for (const t of technicians) techniciansByZone.set(t.zone, [...(techniciansByZone.get(t.zone) ?? []), t.index]);
  return { users, technicians, dispatchers, supervisors, admins, techniciansByZone };
}
