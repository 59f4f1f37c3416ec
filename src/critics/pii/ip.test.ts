import { describe, expect, it } from 'vitest';
import { Claims } from './hit.js';
import { reservedV4, scanIps } from './ip.js';

const find = (text: string) => scanIps(text, new Claims(text.length));

describe('scanIps', () => {
  it.each([
    ['a public address', 'logged in from 84.23.11.9', '84.23.11.9', 'ipv4_public', 1.5],
    ['an address with a port', 'server 203.0.114.7:443 is up', '203.0.114.7', 'ipv4_public', 1.5],
    ['an attributed address', "the user's IP is 84.23.11.9", '84.23.11.9', 'ipv4_public', 2],
    ['a private address', 'router 192.168.0.1', '192.168.0.1', 'ipv4_reserved', 0.5],
    ['single-digit octets after a network cue', 'ping 1.1.1.1', '1.1.1.1', 'ipv4_reserved', 0.5],
    [
      'a full IPv6 address',
      'host 2001:4860:4860:0000:0000:0000:0000:8888',
      '2001:4860:4860:0000:0000:0000:0000:8888',
      'ipv6_public',
      1.5,
    ],
    [
      'a link-local IPv6 address',
      'iface fe80::1ff:fe23:4567:890a',
      'fe80::1ff:fe23:4567:890a',
      'ipv6_reserved',
      0.5,
    ],
  ])('finds %s', (_what, text, expected, subtype, severity) => {
    const [hit] = find(text);
    expect(hit).toMatchObject({ text: expected, subtype, severity });
    expect(text.slice(hit?.start, hit?.end)).toBe(expected);
  });

  it.each([
    ['a version after a version cue', 'Install version 10.2.3.4 now'],
    ['single-digit octets with no network cue', 'See 1.2.3.4 for details'],
    ['an octet above 255', 'value 256.1.1.1'],
    ['a five-part number', 'OID 1.3.6.1.4'],
    ['a leading zero octet', 'code 01.2.3.4'],
    ['a clock time', 'at 10:30:45'],
    ['a MAC address', '00:1A:2B:3C:4D:5E'],
    ['a C++ scope', 'std::vector'],
    ['hex words joined by colons', 'dead::beef'],
  ])('ignores %s', (_what, text) => {
    expect(find(text)).toEqual([]);
  });

  it.each([
    [[10, 1, 2, 3], true],
    [[172, 16, 0, 1], true],
    [[172, 32, 0, 1], false],
    [[100, 64, 0, 1], true],
    [[169, 254, 1, 1], true],
    [[192, 0, 2, 1], true],
    [[198, 51, 100, 7], true],
    [[203, 0, 113, 9], true],
    [[224, 0, 0, 1], true],
    [[84, 23, 11, 9], false],
  ])('knows whether %j is reserved', (octets, reserved) => {
    expect(reservedV4(octets)).toBe(reserved);
  });
});
