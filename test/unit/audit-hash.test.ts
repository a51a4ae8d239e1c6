import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditLinkText, GENESIS_HASH, sha256 } from '../../ingest/audit/append-audit';

// Links are hashed with the one-shot crypto.hash; chains written before were hashed with
// createHash(…).update(text).digest('hex'): both must give the same digest of the same UTF-8 text.
describe('audit link hash', () => {
  it('is the SHA-256 of the UTF-8 text, as createHash gives it', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const text = auditLinkText({
      seq: 7, occurredAt: '2026-11-24T03:04:05.678Z', actor: 'учитель', action: 'create', entity: 'mark', entityId: 'N-1',
      schoolId: 'SA', before: null, after: '{"comment":"Ёж 😀 \\"x\\""}', prevHash: GENESIS_HASH,
    });
    for (const t of [text, 'пара 😀', 'a\ud800b', '']) expect(sha256(t)).toBe(createHash('sha256').update(t).digest('hex'));
  });
});
