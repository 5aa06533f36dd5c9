/**
 * What a new ticket needs before it can be created: a registered customer, a
 * subject, and for email intake a requester address that is one of the
 * customer's registered emails (DESIGN.md §1). Pure, for the unit tests.
 */
export interface IntakeDraft {
  readonly channel: 'phone' | 'email';
  readonly customer: { readonly emails: readonly string[] } | null;
  readonly subject: string;
  readonly requesterEmail: string;
}

/** What is still missing, as message keys; empty when the ticket can be created. */
export function missingFields(draft: IntakeDraft): Array<'newTicket.customer' | 'ticket.field.subject' | 'newTicket.requesterEmail'> {
  const missing: Array<'newTicket.customer' | 'ticket.field.subject' | 'newTicket.requesterEmail'> = [];
  if (draft.customer === null) missing.push('newTicket.customer');
  if (draft.subject.trim() === '') missing.push('ticket.field.subject');
  if (draft.channel === 'email' && (draft.customer === null || !draft.customer.emails.includes(draft.requesterEmail))) missing.push('newTicket.requesterEmail');
  return missing;
}
