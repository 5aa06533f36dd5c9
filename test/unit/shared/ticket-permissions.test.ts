import { describe, expect, it } from 'vitest';
import { can, MINIMUM_ROLE } from '../../../src-shared/auth/permissions.ts';
import { ROLES, type Role } from '../../../src-shared/protocol/entities.ts';
import { canAssign, canCreateAssignedTo, checkAssign, checkCreateAssignedTo } from '../../../src-shared/tickets/index.ts';
import * as server from '../../../src-server/auth/permissions.ts';

const ME = '6f1c1d4e-3a0b-4c55-9d2e-1f0a2b3c4d5e';
const OTHER = '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d';
const actor = (role: Role) => ({ id: ME, role });

describe('who may assign tickets', () => {
  it('lets dispatchers, supervisors and admins assign, and nobody signed out', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, canAssign(actor(role))]))).toEqual({ technician: false, dispatcher: true, supervisor: true, admin: true });
    expect(canAssign(null)).toBe(false);
  });

  it('refuses a technician even an unassigned ticket for themselves, as the server does, in words a person reads', () => {
    expect(checkAssign(actor('technician'))).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('despacho') } });
    expect(checkAssign(actor('dispatcher'))).toEqual({ ok: true, value: undefined });
  });

  it('lets anyone create a ticket for nobody or for themselves, and only dispatch roles for someone else', () => {
    for (const role of ROLES) {
      expect(canCreateAssignedTo(actor(role), null), role).toBe(true);
      expect(canCreateAssignedTo(actor(role), ME), role).toBe(true);
      expect(canCreateAssignedTo(actor(role), OTHER), role).toBe(role !== 'technician');
    }
    expect(canCreateAssignedTo(null, null)).toBe(false);
    expect(checkCreateAssignedTo(actor('technician'), OTHER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('is the table the server enforces: the server re-exports the same functions', () => {
    expect(server.can).toBe(can);
    expect(server.MINIMUM_ROLE).toBe(MINIMUM_ROLE);
    for (const role of ROLES) expect(canAssign(actor(role))).toBe(server.can(role, 'ticket.assign'));
  });
});
