/**
 * The support company's monthly plans (prices in céntimos de sol, IGV
 * included) and extra-support packs sold when a customer runs out.
 */
import type { Plan } from '../../src-shared/protocol/entities.ts';
import type { Rng } from './prng.ts';

export type PlanKey = 'premium' | 'business' | 'basic' | 'tickets';

export interface PlanDefinition extends Omit<Plan, 'id'> {
  readonly key: PlanKey;
  /** Share of customers on this plan. */
  readonly share: number;
  /** How much more (or less) often these customers open tickets than the average. */
  readonly ticketRate: number;
}

export const PLAN_DEFINITIONS: readonly PlanDefinition[] = [
  {
    key: 'premium', code: 'PREM-40R20S', name: 'Plan Premium 40 h remoto + 20 h en sitio', tier: 'premium', kind: 'hours',
    remoteMinutes: 40 * 60, onsiteMinutes: 20 * 60, ticketQuota: 0, priceCents: 5_900_00, active: true, share: 15, ticketRate: 1.9,
  },
  {
    key: 'business', code: 'EMP-20R8S', name: 'Plan Empresarial 20 h remoto + 8 h en sitio', tier: 'business', kind: 'hours',
    remoteMinutes: 20 * 60, onsiteMinutes: 8 * 60, ticketQuota: 0, priceCents: 2_650_00, active: true, share: 35, ticketRate: 1.1,
  },
  {
    key: 'basic', code: 'BAS-8R3S', name: 'Plan Básico 8 h remoto + 3 h en sitio', tier: 'basic', kind: 'hours',
    remoteMinutes: 8 * 60, onsiteMinutes: 3 * 60, ticketQuota: 0, priceCents: 990_00, active: true, share: 35, ticketRate: 0.65,
  },
  {
    key: 'tickets', code: 'BOLSA-10T', name: 'Plan Bolsa 10 tickets al mes', tier: 'business', kind: 'tickets',
    remoteMinutes: 0, onsiteMinutes: 0, ticketQuota: 10, priceCents: 1_190_00, active: true, share: 15, ticketRate: 0.9,
  },
];

/** Extra support packs: what a purchase buys and what it costs. */
export const EXTRA_PACKS = {
  remote: { minutes: 5 * 60, priceCents: 425_00 },
  onsite: { minutes: 2 * 60, priceCents: 290_00 },
  tickets: { tickets: 5, priceCents: 420_00 },
} as const;

export interface DemoPlan extends Plan {
  readonly key: PlanKey;
  readonly ticketRate: number;
}

export function generatePlans(rng: Rng): DemoPlan[] {
  return PLAN_DEFINITIONS.map(({ share: _share, ...definition }) => ({ ...definition, id: rng.uuid() }));
}

export function pickPlan(rng: Rng, plans: readonly DemoPlan[]): DemoPlan {
  return rng.weighted(plans, plans.map((p) => PLAN_DEFINITIONS.find((d) => d.key === p.key)?.share ?? 1));
}

/** The usual move when a customer changes plan: up one tier, sometimes down. */
export function nextPlan(rng: Rng, plans: readonly DemoPlan[], current: DemoPlan): DemoPlan {
  const byKey = (key: PlanKey): DemoPlan => plans.find((p) => p.key === key) ?? current;
  switch (current.key) {
    case 'basic':
      return rng.chance(0.8) ? byKey('business') : byKey('tickets');
    case 'tickets':
      return byKey('business');
    case 'business':
      return rng.chance(0.75) ? byKey('premium') : byKey('basic');
    case 'premium':
      return byKey('business');
  }
}

/** Strips generator-only fields: the wire shape of a plan. */
export function toPlan(plan: DemoPlan): Plan {
  const { key: _key, ticketRate: _rate, ...wire } = plan;
  return wire;
}
