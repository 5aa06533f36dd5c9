/**
 * A small company every server test starts from: one user per role (and a
 * second technician), one customer with a plan, fixed ids.
 */
import type { Customer, Plan, PlanAssignment, Role } from '../../../src-shared/protocol/entities.ts';
import { hashPassword } from '../../../src-server/auth/password.ts';
import type { Tx } from '../../../src-server/db/types.ts';
import { insertCustomers, insertPlanAssignments, insertPlans, insertUsers, type StoredUser } from '../../../src-server/entities/index.ts';

export const PASSWORD = 'clave-de-prueba-1';

export const IDS = {
  technician: '00000000-0000-4000-8000-000000000001',
  technician2: '00000000-0000-4000-8000-000000000002',
  dispatcher: '00000000-0000-4000-8000-000000000003',
  supervisor: '00000000-0000-4000-8000-000000000004',
  admin: '00000000-0000-4000-8000-000000000005',
  customer: '00000000-0000-4000-8000-00000000c001',
  plan: '00000000-0000-4000-8000-00000000a001',
  plan2: '00000000-0000-4000-8000-00000000a002',
  assignment: '00000000-0000-4000-8000-00000000b001',
} as const;

export const EMAILS: Readonly<Record<Role | 'technician2', string>> = {
  technician: 'tecnico@prueba.pe',
  technician2: 'tecnica2@prueba.pe',
  dispatcher: 'despacho@prueba.pe',
  supervisor: 'supervisor@prueba.pe',
  admin: 'admin@prueba.pe',
};

/** 10:00 Lima on Tuesday 10 March 2026: a plain business day. */
export const DEFAULT_NOW = new Date('2026-03-10T15:00:00.000Z');

let passwordHash: Promise<string> | undefined;

export const CUSTOMER: Customer = {
  id: IDS.customer,
  code: 'CLI-0001',
  name: 'Inversiones Rímac S.A.C.',
  ruc: '20123456789',
  emails: ['soporte@rimac-inv.pe'],
  phone: '+51 1 555 0101',
  districtUbigeo: '150122',
  address: 'Av. Larco 1234, Miraflores',
  active: true,
  createdAt: '2025-12-01T15:00:00.000Z',
};

export const PLAN: Plan = { id: IDS.plan, code: 'EMP-10', name: 'Empresarial 10 h', tier: 'business', kind: 'hours', remoteMinutes: 600, onsiteMinutes: 240, ticketQuota: 0, priceCents: 150_000, active: true };
export const PLAN2: Plan = { id: IDS.plan2, code: 'PRE-20', name: 'Premium 20 h', tier: 'premium', kind: 'hours', remoteMinutes: 1200, onsiteMinutes: 480, ticketQuota: 0, priceCents: 290_000, active: true };
export const ASSIGNMENT: PlanAssignment = { id: IDS.assignment, customerId: IDS.customer, planId: IDS.plan, effectiveMonth: '2026-01', createdAt: '2025-12-01T15:00:00.000Z' };

export async function insertFixtures(tx: Tx): Promise<void> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const users: StoredUser[] = [
    { id: IDS.technician, name: 'Tomás Técnico', email: EMAILS.technician, role: 'technician', homeDistrictUbigeo: '150101', active: true, passwordHash: hash },
    { id: IDS.technician2, name: 'Tania Técnica', email: EMAILS.technician2, role: 'technician', homeDistrictUbigeo: '070101', active: true, passwordHash: hash },
    { id: IDS.dispatcher, name: 'Diana Despacho', email: EMAILS.dispatcher, role: 'dispatcher', homeDistrictUbigeo: null, active: true, passwordHash: hash },
    { id: IDS.supervisor, name: 'Sergio Supervisor', email: EMAILS.supervisor, role: 'supervisor', homeDistrictUbigeo: null, active: true, passwordHash: hash },
    { id: IDS.admin, name: 'Ana Admin', email: EMAILS.admin, role: 'admin', homeDistrictUbigeo: null, active: true, passwordHash: hash },
  ];
  await insertUsers(tx, users);
  await insertCustomers(tx, [CUSTOMER]);
  await insertPlans(tx, [PLAN, PLAN2]);
  await insertPlanAssignments(tx, [ASSIGNMENT]);
}
