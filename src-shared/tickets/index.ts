/** Ticket rules: statuses and their moves, the words for every value, queue order, the SLA clock, who may assign. Import from here. */
export { TICKET_TRANSITIONS, allowedTransitions, canTransition, checkTransition, isFinalStatus } from './state-machine.ts';
export * from './labels.ts';
export { compareRank, explainOrder, formatWait, priorityLevel, rankBand, rankTicket, type Bilingual, type RankBand, type RankInput, type RankOptions, type RankPart, type TicketRank } from './rank.ts';
export { SLA_TARGETS, SLA_WARNING_SHARE, slaFieldsAfterMove, slaFor, slaTargetsFor, type Sla, type SlaClockFields, type SlaInput, type SlaState, type SlaTarget, type SlaTargets } from './sla.ts';
export { ASSIGN_FORBIDDEN_MESSAGE, ASSIGN_OTHERS_FORBIDDEN_MESSAGE, canAssign, canCreateAssignedTo, checkAssign, checkCreateAssignedTo, type Actor } from './permissions.ts';
