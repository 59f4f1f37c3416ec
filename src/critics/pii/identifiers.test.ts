import { describe, expect, it } from 'vitest';
import { Claims } from './hit.js';
import { scanCards, scanIbans, scanIdentifiers, scanNationalIds } from './identifiers.js';

const run = (scanner: typeof scanCards, text: string) => scanner(text, new Claims(text.length));

describe('identifier scanners', () => {
  it('cuts a card off its expiry date and checks it', () => {
    const text = 'card 4539 1488 0343 6467 12/27';
    expect(run(scanCards, text).map((h) => [h.text, h.subtype])).toEqual([
      ['4539 1488 0343 6467', 'visa'],
    ]);
  });

  it('ignores digit runs too long to be one card', () => {
    expect(run(scanCards, '4539148803436467453914880343646745')).toEqual([]);
  });

  it('ignores a card-like run right after a plus sign', () => {
    expect(run(scanCards, 'WhatsApp +4915112345678')).toEqual([]);
  });

  it('cuts an IBAN at its country length', () => {
    const text = 'IBAN GB82WEST12345698765432X';
    expect(run(scanIbans, text).map((h) => h.text)).toEqual([]);
    const ok = 'IBAN GB82 WEST 1234 5698 7654 32 and more';
    expect(run(scanIbans, ok).map((h) => h.text)).toEqual(['GB82 WEST 1234 5698 7654 32']);
  });

  it('downgrades a public test value only in a test context', () => {
    const [example] = run(scanCards, 'test card 4111 1111 1111 1111');
    const [real] = run(scanCards, 'charged 4111 1111 1111 1111');
    expect([example?.severity, example?.linkable, example?.note]).toEqual([
      0.5,
      false,
      'public test value',
    ]);
    expect([real?.severity, real?.linkable]).toEqual([3, true]);
  });

  it.each([
    ['an NHS-valid number without the NHS cue', 'ref 943 476 5919'],
    ['a SIN-valid number without the SIN cue', 'code 130 456 288'],
    ['an Aadhaar-valid number without a cue', 'code 2345 6789 0124'],
    ['a spaced SSN without a cue', 'code 536 22 8172'],
    ['a dotted SSN without a cue', 'code 536.22.8172'],
    ['the lower-case word sin as a cue', 'sin 130 456 288'],
  ])('needs a cue for %s', (_what, text) => {
    expect(run(scanNationalIds, text)).toEqual([]);
  });

  it.each([
    ['SSN 536228172', 'us_ssn'],
    ['SSN 536.22.8172', 'us_ssn'],
    ['SIN 130-456-288', 'ca_sin'],
    ['NIE Y-1234567-X', 'es_nie'],
    ['NIR 2 95 05 75 123 456 18', 'fr_nir'],
  ])('reads %s as %s', (text, subtype) => {
    expect(run(scanNationalIds, text).map((h) => h.subtype)).toEqual([subtype]);
  });

  it('claims each stretch of text once across scanners', () => {
    const text = 'IBAN DE89 3704 0044 0532 0130 00 and SSN 536-22-8172';
    const claims = new Claims(text.length);
    expect(scanIdentifiers(text, claims).map((h) => h.kind)).toEqual(['iban', 'national_id']);
    expect(scanIdentifiers(text, claims)).toEqual([]);
  });
});
