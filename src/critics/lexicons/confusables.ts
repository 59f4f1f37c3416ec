/**
 * Look-alike characters folded to ASCII before lexicon matching (those Unicode NFKD leaves
 * alone), and leetspeak digits and symbols read as letters inside words.
 */

/** Pairs "look-alike letter" in a string, e.g. `аa` (Cyrillic а → a). */
const LETTER_PAIRS = `
  аa вb еe ёe кk мm нh оo рp сc тt уy хx іi їi јj ѕs ԁd ɡg һh ӏl ԛq ԝw АA ВB ЕE КK
  МM НH ОO РP СC ТT УY ХX ІI ЈJ ЅS αa βb εe ιi κk νv οo ρp τt υu χx ΑA ΒB ΕE ΖZ ΗH
  ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX ıi ℓl
`;

/** Homoglyphs and typographic look-alikes NFKD does not fold, to their ASCII reading. */
export const CONFUSABLES: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(
    LETTER_PAIRS.split(/\s+/)
      .filter((pair) => pair.length === 2)
      .map((pair): [string, string] => [pair.slice(0, 1), pair.slice(1)]),
  ),
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u00a0': ' ',
});

/** Leetspeak digits and symbols, read as letters inside words. */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
};
