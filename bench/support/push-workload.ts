/**
 * What a busy morning of desks pushes to the server: new tickets, status
 * moves, notes, time logs and remote sessions booked by a technician for
 * himself. Every mutation is valid against the seeded company, so the
 * benchmark measures applying work, not rejecting it.
 */
import { randomUUID } from 'node:crypto';
import { createBusinessCalendar, limaDateOf, limaInstant } from '../../src-shared/calendar/index.ts';
import type { Mutation } from '../../src-shared/protocol/sync.ts';

export interface WorkloadInput {
  /** Tickets that are not closed or cancelled. */
  readonly openTicketIds: readonly string[];
  readonly customers: ReadonlyArray<{ readonly id: string; readonly email: string }>;
  /** The signed-in technician: he may book remote sessions for himself. */
  readonly technicianId: string;
  readonly now: Date;
}

const SUBJECTS = ['No imprime la impresora de Caja', 'Outlook no abre', 'Sin acceso a la carpeta de Contabilidad', 'Configurar correo en celular nuevo', 'PC lenta al iniciar'];
const NOTES = ['Se revisó el visor de eventos; sin errores de disco.', 'Cliente confirma que el problema ocurre solo por las tardes.', 'Se reinició el servicio de cola de impresión.'];

export class PushWorkload {
  readonly #input: WorkloadInput;
  readonly #slots: Generator<{ startsAt: string; endsAt: string }>;
  readonly #created: string[] = [];
  #seq = 0;
  #pick = 0;

  constructor(input: WorkloadInput) {
    if (input.openTicketIds.length === 0 || input.customers.length === 0) throw new Error('push workload: the seeded company has no open tickets or customers');
    this.#input = input;
    this.#slots = futureSlots(input.now);
  }

  #next<T>(list: readonly T[]): T {
    this.#pick = (this.#pick + 7_919) % list.length;
    return list[this.#pick] as T;
  }

  /** The next `size` mutations, seqs continuing from the previous batch. */
  batch(size: number): Mutation[] {
    const out: Mutation[] = [];
    const today = limaDateOf(this.#input.now);
    for (let i = 0; i < size; i++) {
      const slot = i % 10;
      let name: string;
      let args: Record<string, unknown>;
      if (slot < 2) {
        const id = randomUUID();
        const customer = this.#next(this.#input.customers);
        name = 'ticket.create';
        args = { id, customerId: customer.id, type: 'incidencia', channel: 'portal', urgency: 'medium', subject: this.#next(SUBJECTS), description: 'Reportado desde el portal.', requesterEmail: customer.email };
        this.#created.push(id);
      } else if (slot === 2 && this.#created.length > 2 * size) {
        name = 'ticket.setStatus';
        args = { id: this.#created.shift(), status: 'in_progress' };
      } else if (slot < 6) {
        name = 'ticket.addNote';
        args = { id: randomUUID(), ticketId: this.#next(this.#input.openTicketIds), kind: 'note', body: this.#next(NOTES) };
      } else if (slot < 9) {
        name = 'time.log';
        args = { id: randomUUID(), ticketId: this.#next(this.#input.openTicketIds), kind: 'remote', minutes: 30, workDate: today, billable: true, note: 'Soporte remoto' };
      } else {
        const { startsAt, endsAt } = this.#slots.next().value as { startsAt: string; endsAt: string };
        name = 'visit.book';
        args = { id: randomUUID(), ticketId: this.#next(this.#input.openTicketIds), technicianId: this.#input.technicianId, kind: 'remote', startsAt, endsAt };
      }
      this.#seq++;
      out.push({ seq: this.#seq, id: randomUUID(), name, args });
    }
    return out;
  }
}

/** Half-hour remote slots on business days from three months ahead: past the seeded agenda, never overlapping. */
function* futureSlots(now: Date): Generator<{ startsAt: string; endsAt: string }> {
  const calendar = createBusinessCalendar();
  let day = new Date(now.getTime() + 90 * 86_400_000);
  for (;;) {
    const date = limaDateOf(day);
    const view = calendar.day(date);
    if (view.open && view.opensAt !== undefined && view.closesAt !== undefined) {
      const opens = limaInstant(date, view.opensAt).getTime();
      const closes = limaInstant(date, view.closesAt).getTime();
      for (let t = opens; t + 30 * 60_000 <= closes; t += 30 * 60_000) {
        yield { startsAt: new Date(t).toISOString(), endsAt: new Date(t + 30 * 60_000).toISOString() };
      }
    }
    day = new Date(day.getTime() + 86_400_000);
  }
}
