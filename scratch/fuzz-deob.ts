import { deobfuscate as oldD } from './deobfuscate-old.js';
import { deobfuscate as newD } from '../src/critics/deobfuscate.js';
const alphabet = ['a','b','k','I','L',' ','.','-','_','*','0','1','2','3','6','!','|','+','@','$','\u00b7','—','é','ö','\u200b','К','\uD835\uDC00','\uD83D\uDE00','\uD800','\uDC00','K','ſ','\n',',','x','y','z','s','m','g','#'];
let diff = 0;
for (let n = 0; n < 300000; n++) {
  let s = '';
  const len = 1 + Math.floor(Math.random() * 12);
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  const a = oldD(s), b = newD(s);
  const ok = a.text === b.text && a.changed === b.changed && [[0,a.text.length],[1,2],[2,2],[0,1],[a.text.length-1,a.text.length+1],[a.text.length+1,a.text.length+3],[3,1]].every(([x,y]) => JSON.stringify(a.toOriginal(x!,y!)) === JSON.stringify(b.toOriginal(x!,y!)));
  if (!ok && diff++ < 5) console.log(JSON.stringify(s), a.text, b.text, a.changed, b.changed);
}
console.log('diffs', diff);
