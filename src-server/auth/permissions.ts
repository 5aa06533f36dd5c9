/**
 * Who may do what: the role table lives in src-shared so the desk and the
 * console offer exactly what the server accepts. Re-exported here for the
 * server's routes and mutations.
 */
export { MINIMUM_ROLE, atLeast, can, type Action } from '../../src-shared/auth/permissions.ts';
