/**
 * Spanish identity numbers: the DNI (eight digits and a check letter) and the NIE for foreigners
 * (X, Y or Z, seven digits, a check letter; X/Y/Z count as 0/1/2). The letter is the number
 * mod 23 looked up in a fixed table.
 */

const CHECK_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Whether `compact` (upper-case, no separators, e.g. `12345678Z` or `X1234567L`) is valid. */
export function spanishIdValid(compact: string): boolean {
  const match = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(compact);
  if (match === null) return false;
  const [, prefix = '', digits = '', letter = ''] = match;
  if (prefix === '' ? digits.length !== 8 : digits.length !== 7) return false;
  const number = Number(`${prefix === '' ? '' : 'XYZ'.indexOf(prefix)}${digits}`);
  return CHECK_LETTERS[number % 23] === letter;
}
