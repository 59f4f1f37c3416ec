import { describe, expect, it } from 'vitest';
import type { PiiHit, PiiKind } from './hit.js';
import { findDossiers } from './linkage.js';

function hit(kind: PiiKind, start: number, linkable = true): PiiHit {
  return {
    kind,
    subtype: kind,
    start,
    end: start + 5,
    text: 'xxxxx',
    severity: 2,
    linkable,
    normalized: `${kind}${start}`,
  };
}

describe('findDossiers', () => {
  const text = 'x'.repeat(1000);

  it('links two kinds of identifier within the gap', () => {
    const [dossier] = findDossiers(text, [hit('email', 50), hit('person_name', 0)], 100);
    expect(dossier?.kinds).toEqual(['person_name', 'email']);
    expect(dossier?.members.map((m) => m.start)).toEqual([0, 50]);
  });

  it('does not link one kind repeated', () => {
    expect(findDossiers(text, [hit('email', 0), hit('email', 20)], 100)).toEqual([]);
  });

  it('does not link across a gap wider than allowed', () => {
    expect(findDossiers(text, [hit('email', 0), hit('phone', 200)], 100)).toEqual([]);
  });

  it('does not link across a blank line', () => {
    const para = `${'x'.repeat(10)}\n\n${'x'.repeat(50)}`;
    expect(findDossiers(para, [hit('email', 0), hit('phone', 20)], 100)).toEqual([]);
  });

  it('ignores unlinkable hits', () => {
    expect(findDossiers(text, [hit('email', 0, false), hit('phone', 20)], 100)).toEqual([]);
  });

  it('chains hits so a row of contact details forms one dossier', () => {
    const hits = [hit('person_name', 0), hit('email', 90), hit('phone', 180)];
    expect(findDossiers(text, hits, 100)).toHaveLength(1);
  });
});
