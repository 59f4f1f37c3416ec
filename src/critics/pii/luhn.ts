/**
 * The Luhn (mod 10) checksum used by payment cards and Canadian social insurance numbers.
 */

/** Whether a string of ASCII digits passes the Luhn check. Empty or non-digit input fails. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
