/**
 * IP-address scanner. IPv4 octets are range-checked; a dotted quad after a version cue
 * ("version 1.2.3.4", "Section 1.2.3.4") or made of single digits with no network cue is a
 * version or section number. Private, loopback, link-local, documentation and well-known public
 * service addresses weigh little; a public address more, and most next to a personal cue.
 */
import { NETWORK_CUES, PUBLIC_SERVICE_IPS, VERSION_CUES } from '../lexicons/pii.js';
import { phrasePattern } from '../text.js';
import { execAfter, splitLookbehind } from './boundary.js';
import { cueNear, lastCueEnd, MAX_HITS_PER_KIND } from './hit.js';
import type { Claims, PiiHit } from './hit.js';

/** Severity of a private, reserved or well-known service address. */
export const RESERVED_IP_SEVERITY = 0.5;
/** Severity of a public address. */
export const PUBLIC_IP_SEVERITY = 1.5;
/** Severity of a public address attributed to someone ("her IP", "the user's IP address"). */
export const ATTRIBUTED_IP_SEVERITY = 2;

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4 = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.:\-])${OCTET}(?:\.${OCTET}){3}(?![\p{L}\p{N}_]|\.\p{N})`,
  'gu',
);
const IPV6 =
  /(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{1,4}:{1,2}){1,7}[0-9A-Fa-f]{1,4}(?![\p{L}\p{N}_:])/gu;
const IPV6_SCAN = splitLookbehind(IPV6);
/** What every IPv6 address holds: a hex digit followed by a colon. */
const HEX_COLON = /[0-9A-Fa-f]:/;
const VERSION_CUE = phrasePattern(VERSION_CUES);
const NETWORK_CUE = phrasePattern(NETWORK_CUES);
const ATTRIBUTION_CUE =
  /(?<![\p{L}])(?:his|her|their|user's|user’s|customer's|customer’s|victim's|victim’s|home|personal)\s+(?:ip|ip\s+address|address)(?![\p{L}])/giu;

export function scanIps(text: string, claims: Claims): PiiHit[] {
  const hits: PiiHit[] = [];
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
    const hit = ipv4Hit(text, m.index, m[0]);
    if (hit !== undefined && claims.take(hit)) hits.push(hit);
    if (hits.length >= MAX_HITS_PER_KIND) return hits;
  }
  if (!HEX_COLON.test(text)) return hits;
  IPV6_SCAN.body.lastIndex = 0;
  for (let m = execAfter(IPV6_SCAN, text); m !== null; m = execAfter(IPV6_SCAN, text)) {
    const hit = ipv6Hit(text, m.index, m[0]);
    if (hit !== undefined && claims.take(hit)) hits.push(hit);
    if (hits.length >= MAX_HITS_PER_KIND) break;
  }
  return hits;
}

function ipv4Hit(text: string, start: number, raw: string): PiiHit | undefined {
  const end = start + raw.length;
  const network = lastCueEnd(NETWORK_CUE, text, start, 40);
  const version = lastCueEnd(VERSION_CUE, text, start, 30);
  if (version > network) return undefined;
  const octets = raw.split('.').map(Number);
  if (network < 0 && octets.every((o) => o < 10)) return undefined;
  const reserved = reservedV4(octets) || PUBLIC_SERVICE_IPS.has(raw);
  return ipHit(text, start, end, raw, reserved ? 'ipv4_reserved' : 'ipv4_public', reserved);
}

function ipv6Hit(text: string, start: number, raw: string): PiiHit | undefined {
  const groups = raw.split(/::?/);
  const compressed = raw.split('::').length - 1;
  if (compressed > 1 || !/\d/.test(raw)) return undefined;
  if (compressed === 0 ? groups.length !== 8 : groups.length < 2 || groups.length > 7) {
    return undefined;
  }
  const lower = raw.toLowerCase();
  const reserved = /^(?:fe[89ab]|f[cd]|2001:0?db8:|::1$|0{0,4}:)/.test(lower);
  return ipHit(
    text,
    start,
    start + raw.length,
    raw,
    reserved ? 'ipv6_reserved' : 'ipv6_public',
    reserved,
  );
}

function ipHit(
  text: string,
  start: number,
  end: number,
  raw: string,
  subtype: string,
  reserved: boolean,
): PiiHit {
  const attributed = !reserved && cueNear(ATTRIBUTION_CUE, text, start, end, 40);
  const severity = reserved
    ? RESERVED_IP_SEVERITY
    : attributed
      ? ATTRIBUTED_IP_SEVERITY
      : PUBLIC_IP_SEVERITY;
  return {
    kind: 'ip_address',
    subtype,
    start,
    end,
    text: raw,
    severity,
    linkable: !reserved,
    normalized: raw.toLowerCase(),
    ...(reserved ? { note: 'private, reserved or well-known service address' } : {}),
  };
}

/** Private, loopback, link-local, CGNAT, documentation, multicast and other reserved IPv4 ranges. */
export function reservedV4(octets: readonly number[]): boolean {
  const [a = 0, b = 0, c = 0] = octets;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  );
}
