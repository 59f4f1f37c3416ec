/**
 * E-mail scanner: plain addresses, and addresses obfuscated against harvesters
 * (`jane [at] example [dot] com`, `jane dot doe at gmail dot com` next to an e-mail cue).
 * Role mailboxes (`support@`) and documentation domains (`example.com`) weigh less.
 */
import { EMAIL_CUES, EXAMPLE_EMAIL_DOMAINS, ROLE_MAILBOXES } from '../lexicons/pii.js';
import { phrasePattern } from '../text.js';
import { codePointStart, execAfter, splitLookbehind } from './boundary.js';
import { cueNear, MAX_HITS_PER_KIND } from './hit.js';
import type { Claims, PiiHit } from './hit.js';

/** Severity of a personal e-mail address in the model output. */
export const EMAIL_SEVERITY = 2;
/**
 * Severity of a role mailbox or a documentation-domain address: noted, but not personal data
 * about an identifiable person (`support@acme.example`, `user@example.com` in a unit test).
 */
export const LOW_EMAIL_SEVERITY = 0.5;

const LOCAL = String.raw`[\p{L}\p{N}][\p{L}\p{N}._%+\-]{0,63}`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?`;

const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+\-])${LOCAL}@(?:${LABEL}\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}\-]|\.[\p{L}\p{N}])`,
  'gu',
);
const EMAIL_SCAN = splitLookbehind(EMAIL);
/** Most UTF-16 code units an address can start before its `@` (64 code points of local part). */
const MAX_LOCAL_UNITS = 128;
const BRACKET_AT = String.raw`\s?[\[({]\s?at\s?[\])}]\s?`;
const BRACKET_DOT = String.raw`\s?(?:[\[({]\s?dot\s?[\])}]|\.)\s?`;
const BRACKETED = new RegExp(
  String.raw`(?<![\p{L}\p{N}._\-])${LOCAL}${BRACKET_AT}${LABEL}(?:${BRACKET_DOT}${LABEL}){1,4}(?![\p{L}\p{N}])`,
  'giu',
);
const SPELLED = new RegExp(
  String.raw`(?<![\p{L}\p{N}._\-])[a-z0-9][a-z0-9._\-]{0,63}(?:\s+dot\s+[a-z0-9\-]{1,63}){0,3}\s+at\s+[a-z0-9\-]{1,63}(?:\s+dot\s+[a-z0-9\-]{1,63}){0,3}\s+dot\s+(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|info|me)(?![\p{L}\p{N}])`,
  'giu',
);
const EMAIL_CUE = phrasePattern(EMAIL_CUES);

export function scanEmails(text: string, claims: Claims): PiiHit[] {
  const hits: PiiHit[] = [];
  collectAddresses(text, claims, hits);
  if (!text.includes('at')) return hits;
  const obfuscated = /[[({]\s?at\s?[\])}]/i.test(text);
  if (obfuscated) collect(text, BRACKETED, claims, hits, () => true, 'obfuscated');
  if (/\sdot\s/i.test(text)) {
    collect(
      text,
      SPELLED,
      claims,
      hits,
      (s, e) => cueNear(EMAIL_CUE, text, s, e, 60),
      'obfuscated',
    );
  }
  return hits;
}

/**
 * Plain addresses: the matches of {@link EMAIL}. Every address holds an `@` at most
 * {@link MAX_LOCAL_UNITS} code units after its start, so the search skips to the stretch before
 * the next `@` (no `@`, no search).
 */
function collectAddresses(text: string, claims: Claims, hits: PiiHit[]): void {
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', from)) {
    EMAIL_SCAN.body.lastIndex = codePointStart(text, Math.max(from, at - MAX_LOCAL_UNITS));
    const m = execAfter(EMAIL_SCAN, text);
    if (m === null) return;
    from = m.index + m[0].length;
    if (inUrlUserinfo(text, m.index)) continue;
    const hit = emailHit(m[0], m.index, 'address');
    if (claims.take(hit)) hits.push(hit);
    if (hits.length >= MAX_HITS_PER_KIND) return;
  }
}

function collect(
  text: string,
  pattern: RegExp,
  claims: Claims,
  hits: PiiHit[],
  accept: (start: number, end: number) => boolean,
  form: 'address' | 'obfuscated',
): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!accept(start, end) || inUrlUserinfo(text, start)) continue;
    const hit = emailHit(m[0], start, form);
    if (claims.take(hit)) hits.push(hit);
    if (hits.length >= MAX_HITS_PER_KIND) return;
  }
}

/**
 * Whether the `@` belongs to the credentials of a URL (`postgres://admin:pa55!word@db.host`):
 * the token the match sits in (back to whitespace or a quote) has `://` before it. That is a
 * password in a URL (`secrets_scan`'s business), not an e-mail address.
 */
function inUrlUserinfo(text: string, start: number): boolean {
  const from = Math.max(0, start - 200);
  const before = text.slice(from, start);
  const token = /[^\s"'`<>()]*$/.exec(before)?.[0] ?? '';
  const scheme = token.indexOf('://');
  return scheme >= 0 && !token.slice(scheme + 3).includes('/');
}

/** Canonical `local@domain` of a plain or obfuscated address. */
export function canonicalEmail(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\s?[[({]\s?at\s?[\])}]\s?|\s+at\s+/g, '@')
    .replace(/\s?[[({]\s?dot\s?[\])}]\s?|\s+dot\s+|\s?\.\s?/g, '.');
}

function emailHit(raw: string, start: number, form: 'address' | 'obfuscated'): PiiHit {
  const normalized = canonicalEmail(raw);
  const at = normalized.lastIndexOf('@');
  const local = normalized.slice(0, at).replace(/\+.*$/, '');
  const domain = normalized.slice(at + 1);
  const base = { kind: 'email' as const, start, end: start + raw.length, text: raw, normalized };
  if (ROLE_MAILBOXES.has(local)) {
    return {
      ...base,
      subtype: 'role_mailbox',
      severity: LOW_EMAIL_SEVERITY,
      linkable: false,
      note: 'role mailbox',
    };
  }
  if (EXAMPLE_EMAIL_DOMAINS.test(domain)) {
    return {
      ...base,
      subtype: 'example_domain',
      severity: LOW_EMAIL_SEVERITY,
      linkable: true,
      note: 'documentation domain',
    };
  }
  return { ...base, subtype: form, severity: EMAIL_SEVERITY, linkable: true };
}
