/**
 * Linkage: identifiers close together in one passage are taken to describe the same person. Two
 * or more kinds of identifier of one person (a name and a phone, an e-mail and an address …)
 * form a linkable dossier — a profile, where each piece alone is only a contact detail.
 */
import type { PiiHit, PiiKind } from './hit.js';

export interface Dossier {
  /** The linked identifiers, in text order. */
  members: PiiHit[];
  /** Their distinct kinds, in order of first appearance (at least two). */
  kinds: PiiKind[];
}

const PARAGRAPH_BREAK = /\n[ \t]*\n/;

/**
 * Groups linkable hits whose gaps are at most `gap` characters and cross no blank line, and
 * returns the groups holding two or more kinds.
 */
export function findDossiers(text: string, hits: readonly PiiHit[], gap: number): Dossier[] {
  const linkable = hits.filter((h) => h.linkable).sort((a, b) => a.start - b.start);
  const groups: PiiHit[][] = [];
  let current: PiiHit[] = [];
  let reach = -Infinity;
  for (const hit of linkable) {
    const separated =
      hit.start - reach > gap || PARAGRAPH_BREAK.test(text.slice(Math.max(0, reach), hit.start));
    if (separated && current.length > 0) {
      groups.push(current);
      current = [];
    }
    current.push(hit);
    reach = Math.max(reach, hit.end);
  }
  if (current.length > 0) groups.push(current);
  return groups.flatMap((members) => {
    const kinds = [...new Set(members.map((m) => m.kind))];
    return kinds.length >= 2 ? [{ members, kinds }] : [];
  });
}
