/**
 * NHS numbers (England, Wales, Isle of Man): ten digits, the last a modulus-11 check digit over
 * the first nine weighted 10 down to 2; a remainder giving check 10 is never issued.
 */

/** Whether ten ASCII digits form a valid NHS number. */
export function nhsValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits.charCodeAt(9) - 48;
}
