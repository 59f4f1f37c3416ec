/**
 * Markup balance checks of `style_checker`: unclosed code fences, unbalanced brackets in prose
 * (list markers like "1)" and emoticons aside, beyond a tolerance), unclosed or stray HTML/XML
 * tags (void elements, self-closing tags and generics like `List<String>` aside) and unbalanced
 * Markdown emphasis (`**`, `__`, `*`, `_`; bullets, rules, `2*3` and snake_case aside), broken
 * Markdown links (`[text](https://…` never closed, `[text(https://…`) and unbalanced braces in
 * a JSON code block (strings aside).
 */
import { HTML_ELEMENTS, VOID_ELEMENTS } from './lexicons/style-checker.js';
import type { EvidenceSpan, Violation } from './types.js';

const MAX_QUOTE = 200;
const MAX_SPANS = 5;

function evidence(text: string, start: number, end: number): EvidenceSpan {
  const stop = Math.min(end, start + MAX_QUOTE);
  return { source: 'output', start, end: stop, text: text.slice(start, stop) };
}

export function markupViolations(text: string, prose: string, tolerance: number): Violation[] {
  return [
    ...fences(text),
    ...brackets(text, prose, tolerance),
    ...tags(text, prose),
    ...emphasis(text, prose),
    ...links(text, prose),
    ...jsonBlocks(text),
  ];
}

/** `](target` running into whitespace or the end without its `)`. */
const OPEN_LINK_TARGET = /\]\((?:https?:\/\/|\/|#|\.\/)[^\s()]*(?=\s|$)/g;
/** `[text(https://…`: the label's `]` is missing before the target. */
const MISSING_LABEL_END = /\[[^\][()\n]{1,200}\((?=https?:\/\/)/g;

/** Markdown links whose label or target is never closed. */
function links(text: string, prose: string): Violation[] {
  if (!prose.includes('[') && !prose.includes('](')) return [];
  const spans: [number, number][] = [];
  for (const pattern of [OPEN_LINK_TARGET, MISSING_LABEL_END]) {
    pattern.lastIndex = 0;
    for (
      let m = pattern.exec(prose);
      m !== null && spans.length < MAX_SPANS;
      m = pattern.exec(prose)
    ) {
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  if (spans.length === 0) return [];
  spans.sort((a, b) => a[0] - b[0]);
  return [
    {
      category: 'style.markup.link',
      severity: 1,
      description: `${spans.length} broken Markdown link(s)`,
      evidence: spans.map(([s, e]) => evidence(text, s, e)),
    },
  ];
}

const JSON_FENCE = /^[ \t]*```[ \t]*(json5?|jsonc)[ \t]*$/gim;
const FENCE_END = /^[ \t]*```[ \t]*$/gm;

/** A JSON code block whose braces and brackets (outside strings) do not balance. */
function jsonBlocks(text: string): Violation[] {
  if (!text.includes('```')) return [];
  const out: Violation[] = [];
  JSON_FENCE.lastIndex = 0;
  for (
    let m = JSON_FENCE.exec(text);
    m !== null && out.length < MAX_SPANS;
    m = JSON_FENCE.exec(text)
  ) {
    const bodyStart = m.index + m[0].length;
    FENCE_END.lastIndex = bodyStart;
    const end = FENCE_END.exec(text);
    const bodyEnd = end === null ? text.length : end.index;
    const depth = unbalancedJson(text, bodyStart, bodyEnd);
    if (depth !== 0) {
      out.push({
        category: 'style.markup.code_brackets',
        severity: 1,
        description: `JSON code block with ${Math.abs(depth)} unbalanced brace(s) or bracket(s)`,
        evidence: [evidence(text, m.index, bodyEnd)],
      });
    }
    JSON_FENCE.lastIndex = end === null ? text.length : end.index + end[0].length;
  }
  return out;
}

/** Brackets left open (positive) or closed too often (negative) outside JSON strings. */
function unbalancedJson(text: string, start: number, end: number): number {
  const stack: string[] = [];
  let extra = 0;
  let inString = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c);
    else if (c === '}' || c === ']') {
      if (stack[stack.length - 1] === PAIRS[c]) stack.pop();
      else extra++;
    }
  }
  return stack.length + extra;
}

const FENCE_LINE = /^[ \t]*(?:```|~~~)[^\n]*$/gm;

/** An odd number of fence lines: the last opening fence is never closed. */
function fences(text: string): Violation[] {
  const lines: [number, number][] = [];
  FENCE_LINE.lastIndex = 0;
  for (let m = FENCE_LINE.exec(text); m !== null; m = FENCE_LINE.exec(text)) {
    lines.push([m.index, m.index + m[0].length]);
  }
  const last = lines[lines.length - 1];
  if (lines.length % 2 === 0 || last === undefined) return [];
  return [
    {
      category: 'style.markup.code_fence',
      severity: 1,
      description: 'a code fence is opened and never closed',
      evidence: [evidence(text, last[0], last[1])],
    },
  ];
}

/** List markers ("1)", "a)") and emoticons (":)", ";-(") are not brackets. */
export const NOT_BRACKETS =
  /(?:^|(?<=\s))(?:\d{1,3}|[a-z]|[ivx]{1,4})\)|[:;=8][-^'o]?[()[\]]|[()[\]][-^']?[:;=]/gim;
const PAIRS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
/** {@link NOT_BRACKETS} tried at one position (same matches as its global scan, see below). */
const NOT_BRACKETS_AT = new RegExp(NOT_BRACKETS.source, 'imy');
/** Every {@link NOT_BRACKETS} match holds a `(`, `)`, `[` or `]` at most this far from its start. */
const NOT_BRACKETS_REACH = 4;

/**
 * The prose with list markers and emoticons blanked: what replacing every {@link NOT_BRACKETS}
 * match with spaces gives, but the pattern is tried only at the few positions that can start a
 * match (within {@link NOT_BRACKETS_REACH} before a bracket), in order, as the global scan would.
 */
export function withoutNotBrackets(prose: string): string {
  let out = '';
  let copied = 0;
  let next = 0;
  ROUND_SQUARE.lastIndex = 0;
  // `test` moves `lastIndex` past the one-character match without building a match array.
  while (ROUND_SQUARE.test(prose)) {
    const b = ROUND_SQUARE.lastIndex - 1;
    for (let at = Math.max(next, b - NOT_BRACKETS_REACH); at <= b; at++) {
      NOT_BRACKETS_AT.lastIndex = at;
      const m = NOT_BRACKETS_AT.exec(prose);
      if (m === null) continue;
      const end = at + m[0].length;
      out += prose.slice(copied, at) + ' '.repeat(m[0].length);
      copied = end;
      next = end;
      break;
    }
    ROUND_SQUARE.lastIndex = Math.max(b + 1, next);
  }
  return copied === 0 ? prose : out + prose.slice(copied);
}

/** Round and square brackets: where a {@link NOT_BRACKETS} match can be near. */
const ROUND_SQUARE = /[()[\]]/g;
/** Every bracket (found by the regex engine, faster than a character loop). */
const BRACKET = /[()[\]{}]/g;

/** Brackets left open or closed without an opener, beyond the tolerance. */
function brackets(text: string, prose: string, tolerance: number): Violation[] {
  if (!/[()[\]{}]/.test(prose)) return [];
  const cleaned = withoutNotBrackets(prose);
  const stack: number[] = [];
  const unmatched: number[] = [];
  BRACKET.lastIndex = 0;
  while (BRACKET.test(cleaned)) {
    const i = BRACKET.lastIndex - 1;
    const c = cleaned[i] ?? '';
    if (c === '(' || c === '[' || c === '{') stack.push(i);
    else if (c === ')' || c === ']' || c === '}') {
      const top = stack[stack.length - 1];
      if (top !== undefined && cleaned[top] === PAIRS[c]) stack.pop();
      else unmatched.push(i);
    }
  }
  const all = [...stack, ...unmatched].sort((a, b) => a - b);
  if (all.length <= tolerance) return [];
  return [
    {
      category: 'style.markup.brackets',
      severity: 1,
      description: `${all.length} unbalanced brackets`,
      evidence: all.slice(0, MAX_SPANS).map((i) => evidence(text, i, i + 1)),
    },
  ];
}

const TAG = /<(\/?)([A-Za-z][\w:.-]*)(?=[\s/>])[^<>]*>/g;
/** HTML elements whose closing tag may be left out. */
/** Open tags tracked at once; deeper nesting is reported as it comes. */
const MAX_OPEN = 256;
const OPTIONAL_CLOSE = new Set([
  'p',
  'li',
  'td',
  'tr',
  'th',
  'option',
  'dt',
  'dd',
  'thead',
  'tbody',
]);

/** Tags opened and never closed, or closed without being opened. */
function tags(text: string, prose: string): Violation[] {
  if (!prose.includes('<')) return [];
  const open: { name: string; span: [number, number] }[] = [];
  const bad: [number, number][] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(prose); m !== null; m = TAG.exec(prose)) {
    const name = (m[2] ?? '').toLowerCase();
    const span: [number, number] = [m.index, m.index + m[0].length];
    const afterWord = m.index > 0 && /[\p{L}\p{N}_]/u.test(prose[m.index - 1] ?? '');
    if (VOID_ELEMENTS.has(name) || m[0].endsWith('/>') || (afterWord && !HTML_ELEMENTS.has(name))) {
      continue;
    }
    if (m[1] !== '/') {
      if (open.length < MAX_OPEN) open.push({ name, span });
      else bad.push(span);
      continue;
    }
    let at = open.length - 1;
    while (at >= 0 && open[at]?.name !== name) at--;
    if (at < 0) {
      bad.push(span);
      continue;
    }
    for (const skipped of open.splice(at)) {
      if (skipped.name !== name && !OPTIONAL_CLOSE.has(skipped.name)) bad.push(skipped.span);
    }
  }
  for (const o of open) if (!OPTIONAL_CLOSE.has(o.name)) bad.push(o.span);
  if (bad.length === 0) return [];
  bad.sort((a, b) => a[0] - b[0]);
  return [
    {
      category: 'style.markup.tags',
      severity: 1,
      description: `${bad.length} unclosed or stray HTML/XML tag(s)`,
      evidence: bad.slice(0, MAX_SPANS).map(([s, e]) => evidence(text, s, e)),
    },
  ];
}

/** Bullets ("* item") and horizontal rules ("***", "___") are not emphasis. */
const NOT_EMPHASIS = /^[ \t]*[*+-][ \t]|^[ \t]*(?:[*_-][ \t]*){3,}$/gm;
const DOUBLE = /(?<![*_])(\*\*|__)(?![*_])/g;

/** Unbalanced `**`, `__`, `*` and `_` emphasis delimiters. */
function emphasis(text: string, prose: string): Violation[] {
  if (!/[*_]/.test(prose)) return [];
  const cleaned = prose.replace(NOT_EMPHASIS, (m) => ' '.repeat(m.length));
  const odd: [number, number][] = [];
  const doubles: Record<string, [number, number][]> = { '**': [], __: [] };
  DOUBLE.lastIndex = 0;
  for (let m = DOUBLE.exec(cleaned); m !== null; m = DOUBLE.exec(cleaned)) {
    const before = cleaned[m.index - 1] ?? ' ';
    const after = cleaned[m.index + 2] ?? ' ';
    if (/\d/.test(before) && /\d/.test(after)) continue;
    if (m[1] === '__' && /\w/.test(before) && /\w/.test(after)) continue;
    doubles[m[1] ?? '**']?.push([m.index, m.index + 2]);
  }
  for (const list of Object.values(doubles)) {
    const last = list[list.length - 1];
    if (list.length % 2 === 1 && last !== undefined) odd.push(last);
  }
  for (const marker of ['*', '_']) {
    const singles = singleDelimiters(cleaned, marker);
    const last = singles[singles.length - 1];
    if (singles.length % 2 === 1 && last !== undefined) odd.push([last, last + 1]);
  }
  if (odd.length === 0) return [];
  return [
    {
      category: 'style.markup.emphasis',
      severity: 1,
      description: 'unbalanced Markdown emphasis markers',
      evidence: odd.map(([s, e]) => evidence(text, s, e)),
    },
  ];
}

/**
 * Single `*` or `_` emphasis delimiters: not doubled, not between two spaces ("2 * 3"), not
 * between two word characters (snake_case, 2*3).
 */
function singleDelimiters(text: string, marker: string): number[] {
  const out: number[] = [];
  let from = text.indexOf(marker);
  while (from >= 0) {
    const before = text[from - 1] ?? ' ';
    const after = text[from + 1] ?? ' ';
    const doubled = before === marker || after === marker;
    const spaced = /\s/.test(before) && /\s/.test(after);
    const inWord = /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after);
    if (!doubled && !spaced && !inWord) out.push(from);
    from = text.indexOf(marker, from + 1);
  }
  return out;
}
