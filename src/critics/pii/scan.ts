/**
 * Runs every PII scanner over one text, most specific first, so that each stretch of text is
 * reported as one kind of identifier: e-mail, IBAN, payment card, national id, IP address,
 * postal address, phone number, then (optionally) person names.
 */
import { scanAddresses } from './address.js';
import { scanEmails } from './email.js';
import { Claims } from './hit.js';
import type { PiiHit } from './hit.js';
import { scanIdentifiers } from './identifiers.js';
import { scanIps } from './ip.js';
import { scanNames } from './names.js';
import type { NameScanOptions } from './names.js';
import { scanPhones } from './phone.js';

export interface PiiScan {
  /** Every hit, in text order. */
  hits: PiiHit[];
  /** Whether names were looked for. */
  namesScanned: boolean;
  /** Whether part of the text was left out of the name scan. */
  namesTruncated: boolean;
}

/** Scans `text`; names only when `names` gives the name scanner's limits. */
export function scanPii(text: string, names: NameScanOptions | false): PiiScan {
  const claims = new Claims(text.length);
  const hits = [
    ...scanEmails(text, claims),
    ...scanIdentifiers(text, claims),
    ...scanIps(text, claims),
    ...scanAddresses(text, claims),
    ...scanPhones(text, claims),
  ];
  let namesTruncated = false;
  if (names !== false) {
    const scan = scanNames(text, claims, names);
    hits.push(...scan.hits);
    namesTruncated = scan.truncated;
  }
  hits.sort((a, b) => a.start - b.start);
  return { hits, namesScanned: names !== false, namesTruncated };
}
