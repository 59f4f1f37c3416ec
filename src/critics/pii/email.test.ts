import { describe, expect, it } from 'vitest';
import { canonicalEmail, scanEmails } from './email.js';
import { Claims } from './hit.js';

const find = (text: string) => scanEmails(text, new Claims(text.length));

describe('scanEmails', () => {
  it.each([
    ['a plain address', 'mail ana.ruiz@gmail.com now', 'ana.ruiz@gmail.com', 'address'],
    ['an address at the end of a sentence', 'Write to bo@uni.edu.', 'bo@uni.edu', 'address'],
    [
      'a bracket-obfuscated address',
      'jdoe (at) mail (dot) com',
      'jdoe (at) mail (dot) com',
      'obfuscated',
    ],
    [
      'a spelled-out address after a cue',
      'email jane at gmail dot com',
      'jane at gmail dot com',
      'obfuscated',
    ],
    ['a role mailbox', 'ask help@acme.io', 'help@acme.io', 'role_mailbox'],
    ['a documentation domain', 'user@example.org', 'user@example.org', 'example_domain'],
  ])('finds %s', (_what, text, expected, subtype) => {
    const [hit] = find(text);
    expect(hit).toMatchObject({ text: expected, subtype });
    expect(text.slice(hit?.start, hit?.end)).toBe(expected);
  });

  it.each([
    ['a spelled-out phrase without an e-mail cue', 'I looked at google dot com'],
    ['a handle', 'follow @jane on social media'],
    ['a decorator', '@Component({ selector: "x" })'],
    ['a missing top-level domain', 'user@localhost'],
    ['an address inside a longer token', 'a@b.c'],
  ])('ignores %s', (_what, text) => {
    expect(find(text)).toEqual([]);
  });

  it('canonicalises obfuscated addresses', () => {
    expect(canonicalEmail('Jane DOT Doe AT Gmail DOT com')).toBe('jane.doe@gmail.com');
    expect(canonicalEmail('jdoe [at] mail [dot] com')).toBe('jdoe@mail.com');
  });

  it('weighs role mailboxes and documentation domains lower', () => {
    expect(find('x ana@gmail.com')[0]?.severity).toBe(2);
    expect(find('x info@acme.com')[0]).toMatchObject({ severity: 0.5, linkable: false });
    expect(find('x me@example.com')[0]).toMatchObject({ severity: 0.5, linkable: true });
  });
});
