/** Every v1 mutation name and its handler (DESIGN.md §3). */
import { addNote, assignTicket, createTicket, setTicketStatus, updateTicket } from './tickets.ts';
import { logTimeMutation } from './time.ts';
import type { MutationHandlers } from './types.ts';
import { bookVisit, cancelVisit, checkInVisit, checkOutVisit, rescheduleVisit } from './visits.ts';

export const MUTATION_HANDLERS: MutationHandlers = {
  'ticket.create': createTicket,
  'ticket.update': updateTicket,
  'ticket.setStatus': setTicketStatus,
  'ticket.assign': assignTicket,
  'ticket.addNote': addNote,
  'time.log': logTimeMutation,
  'visit.book': bookVisit,
  'visit.reschedule': rescheduleVisit,
  'visit.cancel': cancelVisit,
  'visit.checkIn': checkInVisit,
  'visit.checkOut': checkOutVisit,
};
