import { describe, expect, it } from 'vitest';
import { argsOf, fieldsOf } from '../../../src-renderer/src/pages/attention/args-form.ts';

describe('fixing a refused edit', () => {
  const args = {
    id: '00000000-0000-4000-8000-000000000001',
    ticketId: '00000000-0000-4000-8000-000000000002',
    kind: 'onsite',
    minutes: 90,
    billable: true,
    note: null,
    patch: { subject: 'Nuevo asunto', frequency: null },
    tags: ['a'],
    expectedRev: '17',
  };

  it('lists every argument as a field, nested ones by path, ids read-only', () => {
    const fields = fieldsOf(args);
    expect(fields.map((f) => [f.path, f.kind, f.readOnly])).toEqual([
      ['id', 'text', true],
      ['ticketId', 'text', true],
      ['kind', 'text', false],
      ['minutes', 'number', false],
      ['billable', 'boolean', false],
      ['note', 'text', false],
      ['patch.subject', 'text', false],
      ['patch.frequency', 'text', false],
      ['tags', 'json', false],
    ]);
  });

  it('gives back the same arguments when nothing was changed, without the stale revision', () => {
    const { expectedRev: _stale, ...rest } = args;
    expect(argsOf(fieldsOf(args))).toEqual({ ok: true, args: rest });
  });

  it('takes the corrections, with their types', () => {
    const fields = fieldsOf(args).map((f) => (f.path === 'minutes' ? { ...f, text: '120' } : f.path === 'billable' ? { ...f, checked: false } : f.path === 'note' ? { ...f, text: 'corregido' } : f));
    const { expectedRev: _stale, ...rest } = args;
    expect(argsOf(fields)).toEqual({ ok: true, args: { ...rest, minutes: 120, billable: false, note: 'corregido' } });
  });

  it('points at a value that does not parse', () => {
    const fields = fieldsOf(args).map((f) => (f.path === 'minutes' ? { ...f, text: 'noventa' } : f));
    expect(argsOf(fields)).toEqual({ ok: false, path: 'minutes' });
    const json = fieldsOf(args).map((f) => (f.path === 'tags' ? { ...f, text: '[unclosed' } : f));
    expect(argsOf(json)).toEqual({ ok: false, path: 'tags' });
  });
});
