/**
 * United States Social Security and Individual Taxpayer Identification numbers, by the SSA's
 * issuance rules: area 000, 666 and 900–999 are never SSNs, nor group 00 or serial 0000; ITINs
 * are 9xx with a group in 50–65, 70–88, 90–92 or 94–99.
 */

export type UsTaxIdKind = 'us_ssn' | 'us_itin';

/** What a `ddd-dd-dddd` number can be, or `undefined` when it can be neither. */
export function usTaxIdKind(area: string, group: string, serial: string): UsTaxIdKind | undefined {
  if (!/^\d{3}$/.test(area) || !/^\d{2}$/.test(group) || !/^\d{4}$/.test(serial)) return undefined;
  if (group === '00' || serial === '0000') return undefined;
  if (area.startsWith('9')) return itinGroup(Number(group)) ? 'us_itin' : undefined;
  if (area === '000' || area === '666') return undefined;
  return 'us_ssn';
}

function itinGroup(group: number): boolean {
  return (
    (group >= 50 && group <= 65) ||
    (group >= 70 && group <= 88) ||
    (group >= 90 && group <= 92) ||
    (group >= 94 && group <= 99)
  );
}
