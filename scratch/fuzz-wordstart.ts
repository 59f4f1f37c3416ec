import { WordStartPattern } from '../src/critics/word-start.js';
import { REFUSAL_PATTERNS, AI_DISCLAIMER_PATTERNS } from '../src/critics/lexicons/refusals.js';
const words = ['I', 'i', "I'm", 'sorry', 'ſorry', 'can', "can't", 'cannot', 'help', 'with', 'that', 'as', 'an', 'AI', 'language', 'model', 'Kelvin', 'éi', 'x', '😀', 'won\'t', 'assist', 'unfortunately', 'we', 'not', 'able', 'to', 'decline', 'must', 'ı', 'İ'];
const seps = [' ', '  ', '\n', ',', '', '\u00a0', '.', 'é', '😀', '_'];
for (const [name, pats, src, boundary] of [
  ['ascii', [...REFUSAL_PATTERNS], (b: string) => `\\b${b}`, 'ascii'],
  ['unicode', [...REFUSAL_PATTERNS, ...AI_DISCLAIMER_PATTERNS], (b: string) => String.raw`(?<![\p{L}\p{N}_])${b}(?![\p{L}\p{N}_])`, 'unicode'],
] as const) {
  const body = `(?:${pats.join('|')})`;
  const ws = new WordStartPattern(src(body), body, 'iu', boundary);
  if ((ws as any).keys === null) throw new Error('no keys ' + name);
  const re = new RegExp(src(body), 'giu');
  let diffs = 0, matches = 0;
  for (let n = 0; n < 200000; n++) {
    let s = '';
    const len = 1 + Math.floor(Math.random() * 10);
    for (let i = 0; i < len; i++) s += words[Math.floor(Math.random() * words.length)] + seps[Math.floor(Math.random() * seps.length)];
    const a: string[] = []; re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) a.push(`${m.index}:${m[0]}`);
    const b: string[] = [];
    for (let m = ws.exec(s); m; m = ws.exec(s, m.index + m[0].length)) b.push(`${m.index}:${m[0]}`);
    matches += a.length;
    if (a.join('|') !== b.join('|') && diffs++ < 5) console.log(JSON.stringify(s), a, b);
  }
  console.log(name, 'diffs', diffs, 'matches', matches);
}
