/**
 * `secrets_scan` (CORE_ANALYSIS, fails closed): credentials in the model output — API keys and
 * tokens by their known prefixes (AWS, GitHub, GitLab, Slack, Stripe, OpenAI, Anthropic, Google,
 * Twilio, SendGrid, npm, Hugging Face, …), JWTs and bearer / basic-auth headers, private-key
 * blocks, passwords in URLs (`scheme://user:pass@host`), and `key/secret/token/password = "…"`
 * assignments whose value has high Shannon entropy (≥ `minEntropy` bits per character over at
 * least `minLength` characters, computed on the value alone).
 *
 * A secret the model emits is severe (up to 3); one the model merely echoes from the input is 2;
 * one the user pastes into the input is a concern (severity × `inputWeight`, at most 1).
 * Look-alikes do not flag: git hashes, UUIDs and SHA-256 digests outside assignments, base64
 * data URIs, placeholders (`sk-XXXXXXXX`, `your-api-key-here`, `${TOKEN}`); vendors' documented
 * example keys (`AKIAIOSFODNN7EXAMPLE`) are reported at 0.5 at most.
 *
 * **Redaction (a deliberate deviation from the evidence contract).** Evidence spans point at the
 * real location of the secret (`start`/`end` are its offsets in the text), but `text` is
 * REDACTED — its first 4 characters, `…`, and its last 2 (`AKIA…LE`) — so `text` is NOT
 * `source.slice(start, end)`. Secrets must never be copied into findings, logs or evidence
 * stores; descriptions name the kind of secret, never its value.
 */
import { Buffer } from 'node:buffer';
import { InvalidOptionError } from '../orchestrator/errors.js';
import type { CriticInput, FailureMode } from '../orchestrator/types.js';
import { buildFinding, round } from './finding.js';
import {
  DOCUMENTED_EXAMPLES,
  EXAMPLE_HOSTS,
  NOT_SECRET_WORDS,
  PLACEHOLDER_MARKERS,
  PLACEHOLDER_PASSWORDS,
  SECRET_RULES,
  SECRET_WORDS,
  type SecretRule,
} from './lexicons/secrets-scan.js';
import { escapeRegExp } from './text.js';
import { analyseText } from './text-analysis.js';
import type { BuiltInCritic, EvidenceSource, Finding, Violation } from './types.js';

export const SECRETS_SCAN = 'secrets_scan';

export interface SecretsScanOptions {
  /** Weight of a secret found in the user input; the result is capped at 1 (a concern). @default 0.5 */
  inputWeight?: number;
  /** Entropy (bits per character) from which an assigned value counts as a secret. @default 3.5 */
  minEntropy?: number;
  /** Shortest assigned value judged by entropy. @default 16 */
  minLength?: number;
  /** @default 'closed' */
  failureMode?: FailureMode;
}

interface Config {
  inputWeight: number;
  minEntropy: number;
  minLength: number;
}

/** One secret found: `value` never leaves this module. */
interface Candidate {
  category: string;
  label: string;
  start: number;
  end: number;
  value: string;
  severity: number;
  /** Rule order: the more specific rule wins a tie between overlapping candidates. */
  rank: number;
}

const MAX_VIOLATIONS = 25;
/** Matches examined per rule and text (private-key headers, URLs, assignments): floods stay cheap. */
const MAX_MATCHES = 50;
/** Private-key headers examined per text. */
const MAX_KEY_BLOCKS = 10;
/** Longest assigned value examined. */
const MAX_VALUE = 256;

export function createSecretsScan(options: SecretsScanOptions = {}): BuiltInCritic {
  const config: Config = {
    inputWeight: options.inputWeight ?? 0.5,
    minEntropy: options.minEntropy ?? 3.5,
    minLength: options.minLength ?? 16,
  };
  if (!Number.isFinite(config.inputWeight) || config.inputWeight < 0 || config.inputWeight > 1) {
    throw new InvalidOptionError(
      'inputWeight',
      'a number in [0, 1]',
      config.inputWeight,
      SECRETS_SCAN,
    );
  }
  if (!Number.isFinite(config.minEntropy) || config.minEntropy <= 0) {
    throw new InvalidOptionError('minEntropy', 'a number > 0', config.minEntropy, SECRETS_SCAN);
  }
  if (!Number.isInteger(config.minLength) || config.minLength < 8) {
    throw new InvalidOptionError('minLength', 'an integer >= 8', config.minLength, SECRETS_SCAN);
  }
  return {
    name: SECRETS_SCAN,
    reads: ['inputText', 'modelResponse'],
    version: '1',
    failureMode: options.failureMode ?? 'closed',
    evaluate: (input) => ({ ...scanSecrets(input, config) }),
  };
}

function scanSecrets(input: CriticInput, config: Config): Finding {
  const inInput = findSecrets(input.inputText, config);
  const inOutput = findSecrets(input.modelResponse, config);
  const pasted = new Set(inInput.map((c) => c.value));
  const violations = [
    ...inOutput.map((c) => {
      const echoed = pasted.has(c.value);
      return toViolation(c, 'output', echoed ? Math.min(c.severity, 2) : c.severity, echoed);
    }),
    ...inInput.map((c) =>
      toViolation(c, 'input', Math.min(1, c.severity * config.inputWeight), false),
    ),
  ].slice(0, MAX_VIOLATIONS);
  const kinds: Record<string, number> = {};
  for (const v of violations) kinds[v.category] = (kinds[v.category] ?? 0) + 1;
  return buildFinding(violations, {
    clean: 'no credentials found',
    uncertainty: violations.length === 0 ? 0.1 : 0.15,
    details: { redacted: true, kinds },
  });
}

function toViolation(
  c: Candidate,
  source: EvidenceSource,
  severity: number,
  echoed: boolean,
): Violation {
  const where = source === 'output' ? 'in the model response' : 'pasted in the user input';
  return {
    category: c.category,
    severity: round(severity),
    description: `${c.label} ${where}${echoed ? ' (echoed from the input)' : ''} (redacted)`,
    evidence: [{ source, start: c.start, end: c.end, text: redact(c.value) }],
  };
}

/** First 4 characters, `…`, last 2; shorter values keep only their first character. */
export function redact(secret: string): string {
  return secret.length >= 12
    ? `${secret.slice(0, 4)}…${secret.slice(-2)}`
    : `${secret.slice(0, 1)}…`;
}

/**
 * Zero-width and soft-hyphen characters: invisible, so a key split by them (`AKIA\u200b0IBY…`)
 * is copied whole by whoever pastes it.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
const HAS_INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/;

/**
 * Secrets in `text`, found with invisible characters removed; spans are mapped back to `text`
 * (they cover the invisible characters inside the secret).
 */
function findSecrets(text: string, config: Config): Candidate[] {
  if (!HAS_INVISIBLE.test(text)) return findVisibleSecrets(text, config);
  const kept: number[] = [];
  const visible = text.replace(INVISIBLE, '');
  for (let i = 0; i < text.length; i++) {
    if (!HAS_INVISIBLE.test(text.charAt(i))) kept.push(i);
  }
  return findVisibleSecrets(visible, config).map((c) => {
    const start = kept[c.start] ?? text.length;
    const end = c.end === 0 ? 0 : (kept[c.end - 1] ?? text.length - 1) + 1;
    return { ...c, start, end, value: text.slice(start, end) };
  });
}

function findVisibleSecrets(text: string, config: Config): Candidate[] {
  if (text.length < 8) return [];
  const skip = dataUriRanges(text);
  const found: Candidate[] = [];
  const present = presentLiterals(text);
  SECRET_RULES.forEach((rule, rank) => {
    if (rule.literals.some((l) => present.has(CANONICAL_LITERAL.get(l) ?? l))) {
      matchRule(rule, rank, text, found);
    }
  });
  if (text.includes('PRIVATE KEY')) findPrivateKeys(text, found);
  if (text.includes('://') && text.includes('@')) findUrlPasswords(text, found);
  findAssignments(text, config, found);
  if (text.length >= 24) findEncodedSecrets(text, found);
  return dedupe(found.filter((c) => !skip.some(([s, e]) => c.start >= s && c.end <= e)));
}

// ---------------------------------------------------------------------------------------------
// Prefix rules, prefiltered by one scan for all their literals.

/** Each literal mapped to the shortest literal that is a prefix of it (so one scan finds all). */
const CANONICAL_LITERAL: ReadonlyMap<string, string> = (() => {
  const all = [...new Set(SECRET_RULES.flatMap((r) => r.literals))].sort(
    (a, b) => a.length - b.length,
  );
  return new Map(all.map((l) => [l, all.find((shorter) => l.startsWith(shorter)) ?? l]));
})();
const LITERALS = new RegExp(
  [...new Set(CANONICAL_LITERAL.values())].map(escapeRegExp).join('|'),
  'g',
);

function presentLiterals(text: string): Set<string> {
  const present = new Set<string>();
  LITERALS.lastIndex = 0;
  for (let m = LITERALS.exec(text); m !== null; m = LITERALS.exec(text)) present.add(m[0]);
  return present;
}

const ALNUM = /[A-Za-z0-9]/;

function matchRule(rule: SecretRule, rank: number, text: string, found: Candidate[]): void {
  rule.pattern.lastIndex = 0;
  for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
    const at = m.indices?.groups?.['secret'] ?? [m.index, m.index + m[0].length];
    const [start, end] = at;
    const value = text.slice(start, end);
    if (ALNUM.test(text[m.index - 1] ?? '') || ALNUM.test(text[end] ?? '')) continue;
    if (rule.valid !== undefined && !rule.valid(value)) continue;
    const example = isDocumentedExample(value);
    if (!example && isPlaceholder(value)) continue;
    found.push({
      category: example ? 'secret.example' : rule.category,
      label: example ? `documented example ${rule.label}` : rule.label,
      start,
      end,
      value,
      severity: example ? 0.5 : (rule.grade?.(value) ?? rule.severity),
      rank,
    });
  }
}

function isDocumentedExample(value: string): boolean {
  return value.includes('EXAMPLE') || DOCUMENTED_EXAMPLES.some((e) => value.includes(e));
}

/**
 * Placeholder markers (`your`, `xxxx`, `<…>`, `${…}` …), too few distinct characters, or a run of
 * ten consecutive characters (`1234567890`, `abcdefghij`).
 */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_MARKERS.some((marker) => lower.includes(marker))) return true;
  if (new Set(lower.replace(/^[a-z]{2,4}[_-]/, '')).size <= 5) return true;
  let run = 1;
  for (let i = 1; i < lower.length && run < SEQUENCE_RUN; i++) {
    run = lower.charCodeAt(i) === lower.charCodeAt(i - 1) + 1 ? run + 1 : 1;
  }
  return run >= SEQUENCE_RUN;
}

const SEQUENCE_RUN = 10;

/** Shannon entropy of the value, in bits per character. */
export function shannonEntropy(value: string): number {
  if (value === '') return 0;
  const counts = new Map<string, number>();
  let n = 0;
  for (const ch of value) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    n++;
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// ---------------------------------------------------------------------------------------------
// Private keys and URL passwords.

const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )?PRIVATE KEY(?: BLOCK)?-----/g;

/** A header with a real base64 body up to its END line is 3; a bare header (docs) is 1. */
function findPrivateKeys(text: string, found: Candidate[]): void {
  PRIVATE_KEY.lastIndex = 0;
  let footer = 0;
  let headers = 0;
  for (let m = PRIVATE_KEY.exec(text); m !== null; m = PRIVATE_KEY.exec(text)) {
    if (++headers > MAX_KEY_BLOCKS) return;
    const headerEnd = m.index + m[0].length;
    if (footer !== -1 && footer < headerEnd) footer = text.indexOf('-----END ', headerEnd);
    const footerEnd = footer === -1 ? -1 : text.indexOf('-----', footer + 9);
    const body = text.slice(
      headerEnd,
      footer === -1 ? Math.min(text.length, headerEnd + 2000) : footer,
    );
    const base64 = body.replace(/[^A-Za-z0-9+/=]/g, '').length;
    const real =
      base64 >= 64 && !isPlaceholder(body) && shannonEntropy(body.replace(/\s+/g, '')) >= 4;
    const end = real && footerEnd !== -1 ? footerEnd + 5 : headerEnd;
    found.push({
      category: 'secret.private_key',
      label: real ? 'private key' : 'private-key header without a key',
      start: m.index,
      end,
      value: text.slice(m.index, end),
      severity: real ? 3 : 1,
      rank: -1,
    });
  }
}

const URL_CREDENTIALS =
  /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/([^\s:@/]*):([^\s@/]+)@([^\s/?#@]+)/dg;

/** `scheme://user:pass@host`: the span covers the password only. */
function findUrlPasswords(text: string, found: Candidate[]): void {
  URL_CREDENTIALS.lastIndex = 0;
  let count = 0;
  for (let m = URL_CREDENTIALS.exec(text); m !== null; m = URL_CREDENTIALS.exec(text)) {
    if (++count > MAX_MATCHES) return;
    const [, user = '', password = '', host = ''] = m;
    const at = m.indices?.[2];
    if (at === undefined || isPlaceholderPassword(password, user)) continue;
    const local = EXAMPLE_HOSTS.test(host);
    found.push({
      category: 'secret.url_password',
      label: local ? 'password in a local or example URL' : 'password in a URL',
      start: at[0],
      end: at[1],
      value: password,
      severity: local ? 1.5 : 2.5,
      rank: -1,
    });
  }
}

function isPlaceholderPassword(password: string, user: string): boolean {
  const lower = password.toLowerCase();
  return (
    PLACEHOLDER_PASSWORDS.has(lower) ||
    lower === user.toLowerCase() ||
    /^[$%{[<*]|^\*+$|^x+$/.test(lower) ||
    isPlaceholder(password)
  );
}

// ---------------------------------------------------------------------------------------------
// Assignments: `api_key = "…"`, `"password": "…"`, `SECRET_TOKEN=…`, `API key: …`.

const KEYWORD = /key|secret|token|passw|pwd|pass|credential|auth/gi;
/** Identifier characters: letters, digits, `_ . $ -`. */
const IDENT = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.$-') {
  IDENT[ch.charCodeAt(0)] = 1;
}
const isIdent = (c: number): boolean => c < 128 && IDENT[c] === 1;
const REFERENCE =
  /^[$%@&]|\(|process\.env|os\.environ|getenv|env\[|\{\{|\$\{|^(?:null|none|undefined|true|false|nil|required|optional)$/i;
/** `=`, `:`, `:=`, `=>`, and in prose `is` / `was` (optionally followed by a colon). */
const OPERATOR = /^(?::=|=>|=(?!=)|:(?!:)|(?:is|was)\b:?)/;
const VALUE_RUN = /^[^\s,;'"`)}\]<>]{1,256}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PASSWORD_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
]);

function findAssignments(text: string, config: Config, found: Candidate[]): void {
  const seen = new Set<number>();
  let examined = 0;
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(text); m !== null; m = KEYWORD.exec(text)) {
    let s = m.index;
    while (s > 0 && isIdent(text.charCodeAt(s - 1))) s--;
    let e = m.index + m[0].length;
    while (e < text.length && isIdent(text.charCodeAt(e))) e++;
    KEYWORD.lastIndex = e;
    if (seen.has(s)) continue;
    seen.add(s);
    const words = identifierWords(text.slice(s, e));
    if (!words.some((w) => SECRET_WORDS.has(w)) || words.some((w) => NOT_SECRET_WORDS.has(w)))
      continue;
    const value = assignedValue(
      text,
      e,
      words.some((w) => PASSWORD_WORDS.has(w)),
    );
    if (value === undefined) continue;
    if (++examined > MAX_MATCHES * 4) return;
    const severity = gradeValue(value.text, value.quoted, words, config);
    if (severity === 0) continue;
    found.push({
      category:
        severity <= 1 && words.some((w) => PASSWORD_WORDS.has(w))
          ? 'secret.password_literal'
          : 'secret.generic',
      label:
        severity <= 1
          ? 'hard-coded credential'
          : 'high-entropy secret assigned to a credential name',
      start: value.start,
      end: value.start + value.text.length,
      value: value.text,
      severity,
      rank: SECRET_RULES.length,
    });
  }
}

/** Lower-case words of an identifier: `clientSecret` → client, secret; `DB_PASSWORD` → db, password. */
function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_.$-]+/)
    .filter((w) => w !== '');
}

interface Assigned {
  text: string;
  start: number;
  quoted: boolean;
}

/**
 * The value after `name`, past an optional closing quote, an operator and an opening quote. With
 * `bare` (a password name), a quoted value may follow without an operator, as in device configs
 * and CLIs: `plain-text-password "…"`, `--password '…'`, `requirepass "…"`.
 */
function assignedValue(text: string, nameEnd: number, bare = false): Assigned | undefined {
  let p = nameEnd;
  if (text[p] === '"' || text[p] === "'") p++;
  const gap = p;
  while (text[p] === ' ' || text[p] === '\t') p++;
  const op = OPERATOR.exec(text.slice(p, p + 8));
  if (op === null) {
    const quote = text[p];
    if (!bare || p === gap || (quote !== '"' && quote !== "'")) return undefined;
    const close = text.indexOf(quote, p + 1);
    const newline = text.indexOf('\n', p + 1);
    if (close === -1 || (newline !== -1 && newline < close) || close - p > MAX_VALUE)
      return undefined;
    return { text: text.slice(p + 1, close), start: p + 1, quoted: true };
  }
  p += op[0].length;
  while (text[p] === ' ' || text[p] === '\t') p++;
  const quote = text[p];
  if (quote === '"' || quote === "'" || quote === '`') {
    const close = text.indexOf(quote, p + 1);
    const newline = text.indexOf('\n', p + 1);
    if (close === -1 || (newline !== -1 && newline < close) || close - p > MAX_VALUE)
      return undefined;
    return { text: text.slice(p + 1, close), start: p + 1, quoted: true };
  }
  const run = VALUE_RUN.exec(text.slice(p, p + MAX_VALUE));
  if (run === null) return undefined;
  if (/^(?:Bearer|Basic|Token)$/i.test(run[0]) && text[p + run[0].length] === ' ') {
    const next = p + run[0].length + 1;
    const token = VALUE_RUN.exec(text.slice(next, next + MAX_VALUE));
    return token === null ? undefined : { text: token[0], start: next, quoted: false };
  }
  return { text: run[0], start: p, quoted: false };
}

/** A base64 value (Kubernetes secrets, basic auth) that decodes to a placeholder like `password`. */
function encodesPlaceholder(value: string): boolean {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  if (!/^[\x20-\x7e]+$/.test(decoded)) return false;
  return PLACEHOLDER_PASSWORDS.has(decoded.toLowerCase()) || isPlaceholder(decoded);
}

/**
 * 0 when the value is no secret. High entropy: 2, or 2.5 when long and very random. A UUID is 1
 * (some services use them as keys). A short password literal with a digit or symbol is 1.
 */
function gradeValue(
  value: string,
  quoted: boolean,
  words: readonly string[],
  config: Config,
): number {
  if (
    value.length < 6 ||
    /\s/.test(value) ||
    REFERENCE.test(value) ||
    /^\d+(?:\.\d+)?$/.test(value)
  )
    return 0;
  if (isDocumentedExample(value) || isPlaceholder(value) || encodesPlaceholder(value)) return 0;
  if (UUID.test(value)) return 1;
  const entropy = shannonEntropy(value);
  if (value.length >= config.minLength && entropy >= config.minEntropy) {
    return value.length >= 24 && entropy >= 4 ? 2.5 : 2;
  }
  const password = words.some((w) => PASSWORD_WORDS.has(w));
  return password && (quoted || /\d/.test(value)) && /[^A-Za-z]/.test(value) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Keys wrapped in base64 ("base64-encode it so it doesn't get flagged").

/** Length bounds of a standalone base64 token that can hold a key. */
const MIN_TOKEN = 24;
const MAX_TOKEN = 4096;
/** Base64 tokens decoded per text. */
const MAX_ENCODED = 20;

/**
 * Standalone base64 tokens as `[start, end)` pairs: a run of 24–4,096 base64 characters with up
 * to two `=` of padding, with no `[A-Za-z0-9+/=_-]` on either side — the matches of
 * `/(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{24,4096}={0,2}(?![A-Za-z0-9+/=_-])/g`, read off the
 * shared analysis's base64 runs.
 */
export function base64Tokens(text: string): [number, number][] {
  const runs = analyseText(text).base64Runs();
  const tokens: [number, number][] = [];
  for (let k = 0; k + 1 < runs.length; k += 2) {
    const start = runs[k] ?? 0;
    const runEnd = runs[k + 1] ?? 0;
    if (runEnd - start < MIN_TOKEN || runEnd - start > MAX_TOKEN) continue;
    if (start > 0 && TOKEN_EDGE[text.charCodeAt(start - 1)] === 1) continue;
    let end = runEnd;
    while (end < text.length && text.charCodeAt(end) === 61) end++;
    if (end - runEnd > 2) continue;
    if (end < text.length && TOKEN_EDGE[text.charCodeAt(end)] === 1) continue;
    tokens.push([start, end]);
  }
  return tokens;
}

/** `[A-Za-z0-9+/=_-]`: characters that may not touch a token on either side. */
const TOKEN_EDGE = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-') {
  TOKEN_EDGE[ch.charCodeAt(0)] = 1;
}

/**
 * A base64 token whose decoded text holds a key a prefix rule recognises: reported over the
 * token, at the rule's severity, as an encoded credential. Data URIs are skipped by the caller.
 */
function findEncodedSecrets(text: string, found: Candidate[]): void {
  let decodedCount = 0;
  for (const [start, end] of base64Tokens(text)) {
    const token = text.slice(start, end);
    if (token.replace(/=+$/, '').length % 4 === 1 || !/[a-z]/.test(token)) continue;
    if (++decodedCount > MAX_ENCODED) return;
    const decoded = Buffer.from(token, 'base64').toString('latin1');
    if (decoded.length < 16 || !/^[\x20-\x7e\t\r\n]+$/.test(decoded)) continue;
    const inner: Candidate[] = [];
    const present = presentLiterals(decoded);
    SECRET_RULES.forEach((rule, rank) => {
      if (rule.literals.some((l) => present.has(CANONICAL_LITERAL.get(l) ?? l))) {
        matchRule(rule, rank, decoded, inner);
      }
    });
    const best = inner.sort((a, b) => b.severity - a.severity)[0];
    if (best === undefined || best.category === 'secret.example') continue;
    found.push({
      ...best,
      label: `base64-encoded ${best.label}`,
      start,
      end,
      value: token,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Base64 data URIs (images) are skipped; overlapping candidates keep the most severe.

function dataUriRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  if (!text.includes(';base64,')) return ranges;
  for (let at = text.indexOf(';base64,'); at !== -1; at = text.indexOf(';base64,', at + 8)) {
    let end = at + 8;
    while (end < text.length && isBase64(text.charCodeAt(end))) end++;
    const before = text.slice(Math.max(0, at - 100), at);
    const data = before.lastIndexOf('data:');
    ranges.push([data === -1 ? at : at - before.length + data, end]);
  }
  return ranges;
}

function isBase64(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2f ||
    c === 0x3d
  );
}

function dedupe(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.severity - a.severity || a.rank - b.rank);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
