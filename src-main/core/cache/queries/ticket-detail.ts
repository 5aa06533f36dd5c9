/** One ticket with everything its workspace shows: thread, customer, plan and tier, this month's balance, visits and time. */
import type { Balance, Customer, Plan, Ticket, TicketEvent, Tier, TimeEntry, User, Visit } from '../../../../src-shared/protocol/entities.ts';
import { rowToEntity, selectList } from '../rows.ts';
import { limaMonthOf } from '../tiers.ts';
import type { QueryContext } from './context.ts';

export interface TicketDetail {
  readonly ticket: Ticket;
  /** The server revision the cached row is based on (send it as expectedRev); null for a ticket created offline. */
  readonly rev: string | null;
  readonly pendingSync: boolean;
  /** Replies, notes and status history, oldest first. */
  readonly events: readonly TicketEvent[];
  readonly customer: Customer | null;
  readonly assignee: User | null;
  /** The plan in force this Lima month, and its tier. */
  readonly plan: Plan | null;
  readonly tier: Tier | null;
  readonly month: string;
  readonly balance: Balance | null;
  readonly visits: readonly Visit[];
  readonly timeEntries: readonly TimeEntry[];
}

type Row = Record<string, unknown>;

export function ticketDetail(ctx: QueryContext, id: string): TicketDetail | null {
  const ticketRow = ctx.sql.get(`SELECT rev, ${selectList('ticket')} FROM tickets WHERE id = ?`).get(id) as Row | undefined;
  if (ticketRow === undefined) return null;
  const ticket = rowToEntity('ticket', ticketRow);
  const month = limaMonthOf(ctx.now());
  const customerRow = ctx.sql.get(`SELECT ${selectList('customer')} FROM customers WHERE id = ?`).get(ticket.customerId) as Row | undefined;
  const assigneeRow = ticket.assigneeId === null ? undefined : (ctx.sql.get(`SELECT ${selectList('user')} FROM users WHERE id = ?`).get(ticket.assigneeId) as Row | undefined);
  const planRow = ctx.sql
    .get(
      `SELECT ${selectList('plan', 'p')} FROM plan_assignments a JOIN plans p ON p.id = a.plan_id
       WHERE a.customer_id = ? AND a.effective_month <= ? ORDER BY a.effective_month DESC, a.created_at DESC LIMIT 1`,
    )
    .get(ticket.customerId, month) as Row | undefined;
  const balanceRow = ctx.sql.get(`SELECT ${selectList('balance')} FROM balances WHERE customer_id = ? AND month = ?`).get(ticket.customerId, month) as Row | undefined;
  const plan = planRow === undefined ? null : rowToEntity('plan', planRow);
  return {
    ticket,
    rev: (ticketRow.rev as string | null) ?? null,
    pendingSync: ctx.sql.get("SELECT 1 FROM overlay_touches WHERE entity = 'ticket' AND id = ? LIMIT 1").get(id) !== undefined,
    events: (ctx.sql.get(`SELECT ${selectList('ticketEvent')} FROM ticket_events WHERE ticket_id = ? ORDER BY created_at, id`).all(id) as Row[]).map((r) => rowToEntity('ticketEvent', r)),
    customer: customerRow === undefined ? null : rowToEntity('customer', customerRow),
    assignee: assigneeRow === undefined ? null : rowToEntity('user', assigneeRow),
    plan,
    tier: plan?.tier ?? null,
    month,
    balance: balanceRow === undefined ? null : rowToEntity('balance', balanceRow),
    visits: (ctx.sql.get(`SELECT ${selectList('visit')} FROM visits WHERE ticket_id = ? ORDER BY starts_at, id`).all(id) as Row[]).map((r) => rowToEntity('visit', r)),
    timeEntries: (ctx.sql.get(`SELECT ${selectList('timeEntry')} FROM time_entries WHERE ticket_id = ? ORDER BY work_date, created_at, id`).all(id) as Row[]).map((r) => rowToEntity('timeEntry', r)),
  };
}
