import { describe, expect, it } from 'vitest';
import { classifyCritic } from '../orchestrator/classify.js';
import { InvalidOptionError } from '../orchestrator/errors.js';
import type { CriticInput, RunContext } from '../orchestrator/types.js';
import { validateOutput } from '../orchestrator/validate.js';
import { Policy, Stage } from '../orchestrator/vocabulary.js';
import { ADVERSARIAL_INPUTS } from './adversarial.js';
import { createPiiDetector, detectPii, PII_DETECTOR, resolvePiiOptions } from './pii-detector.js';
import type { Finding } from './types.js';
import { expectValidFinding } from './test-helpers/expect-finding.js';

function scan(output: string, input = '', context: RunContext = { riskTier: 'high' }): Finding {
  return detectPii({ inputText: input, modelResponse: output, context });
}

/** A valid finding whose evidence spans point at exactly their text (arguments as `scan`'s). */
function expectExactEvidence(finding: Finding, output: string, input = ''): void {
  expectValidFinding(finding, input, output);
}

function violationsOf(finding: Finding, category: string) {
  return finding.violations.filter((v) => v.category === category);
}

describe('pii_detector critic', () => {
  it('is classified by its name into CORE_ANALYSIS, priority 4, ON_HIGH_RISK', () => {
    const c = classifyCritic(PII_DETECTOR);
    expect([c.stage, c.priority, c.policy]).toEqual([Stage.CORE_ANALYSIS, 4, Policy.ON_HIGH_RISK]);
    const critic = createPiiDetector();
    expect(critic.stage ?? critic.priority ?? critic.policy).toBeUndefined();
  });

  it('declares an escalate failure mode, version 1 and what it reads', () => {
    const critic = createPiiDetector();
    expect(critic.name).toBe('pii_detector');
    expect(critic.failureMode).toBe('escalate');
    expect(critic.version).toBe('1');
    expect(critic.reads).toEqual(['inputText', 'modelResponse', 'context.riskTier']);
  });

  it('returns synchronously an output that passes the orchestrator validation', () => {
    const critic = createPiiDetector();
    const input: CriticInput = {
      inputText: 'hi',
      modelResponse: 'Write to jane.doe@gmail.com',
      context: { riskTier: 'high' },
      traceId: 't',
      priorResults: {},
    };
    const out = critic.evaluate(input, { signal: new AbortController().signal, attempt: 0 });
    expect(out).not.toBeInstanceOf(Promise);
    expect(
      validateOutput(out as Record<string, unknown>, { requiredFields: ['value', 'score'] }),
    ).toEqual([]);
    expect(out).toMatchObject({ value: 'violation', severity: 2 });
  });

  it('rejects bad options up front, naming the field', () => {
    expect(() => createPiiDetector({ inputWeight: 2 })).toThrow(InvalidOptionError);
    expect(() => createPiiDetector({ inputWeight: 2 })).toThrow(/inputWeight/);
    expect(() => createPiiDetector({ nameNlpBudget: -1 })).toThrow(/nameNlpBudget/);
    expect(() => createPiiDetector({ maxViolationsPerKind: 0 })).toThrow(/maxViolationsPerKind/);
    expect(resolvePiiOptions({}).nameScanLimit).toBe(20_000);
  });
});

/** [what, response, category, evidence text, min severity, max severity] */
const POSITIVES: [string, string, string, string, number, number][] = [
  ['a plain e-mail', 'Her email is jane.doe@gmail.com.', 'pii.email', 'jane.doe@gmail.com', 2, 2],
  ['an e-mail with a tag and subdomain', 'Write to j.smith+work@mail.acme-corp.co.uk today', 'pii.email', 'j.smith+work@mail.acme-corp.co.uk', 2, 2],
  ['a bracket-obfuscated e-mail', 'reach him at jdoe [at] protonmail [dot] com', 'pii.email', 'jdoe [at] protonmail [dot] com', 2, 2],
  ['a spelled-out e-mail next to a cue', 'her email: jane dot doe at gmail dot com', 'pii.email', 'jane dot doe at gmail dot com', 2, 2],
  ['an e-mail with accented letters', 'contacto: josé.garcía@correo.es', 'pii.email', 'josé.garcía@correo.es', 2, 2],
  ['a North American number in parentheses', 'Call her at (555) 010-2030 tonight.', 'pii.phone', '(555) 010-2030', 2, 2],
  ['a North American number with dashes', 'His number is 555-010-2030.', 'pii.phone', '555-010-2030', 2, 2],
  ['a North American number with dots', 'Reach me on 415.555.0134 after six.', 'pii.phone', '415.555.0134', 2, 2],
  ['a +1 number', 'Dial +1 415 555 0134 now', 'pii.phone', '+1 415 555 0134', 2, 2],
  ['a 1- prefixed number', 'or 1-415-555-0134 on weekdays', 'pii.phone', '1-415-555-0134', 2, 2],
  ['a compact E.164 number', 'WhatsApp: +4915112345678', 'pii.phone', '+4915112345678', 2, 2],
  ['a UK international number', 'Office +44 20 7946 0958.', 'pii.phone', '+44 20 7946 0958', 2, 2],
  ['a UK national number', 'Ring 020 7946 0958 please', 'pii.phone', '020 7946 0958', 2, 2],
  ['a UK mobile', 'mobile 07700 900123', 'pii.phone', '07700 900123', 2, 2],
  ['a German number with (0)', 'Tel. +49 (0)30 12345678', 'pii.phone', '+49 (0)30 12345678', 2, 2],
  ['a German number with a slash', 'Telefon 030/12345678', 'pii.phone', '030/12345678', 2, 2],
  ['a French national number', 'Appelez le 01 23 45 67 89.', 'pii.phone', '01 23 45 67 89', 2, 2],
  ['a French international number', 'Tél +33 1 23 45 67 89', 'pii.phone', '+33 1 23 45 67 89', 2, 2],
  ['an Indian international number', 'Call +91 98765 43210', 'pii.phone', '+91 98765 43210', 2, 2],
  ['an Indian mobile', 'number 98765 43210 works', 'pii.phone', '98765 43210', 2, 2],
  ['a bare number next to a phone cue', 'Text me on 4155550134 later', 'pii.phone', '4155550134', 2, 2],
  ['a 00-prefixed international number', 'from abroad 0044 20 7946 0958', 'pii.phone', '0044 20 7946 0958', 2, 2],
  ['a US SSN', 'His social security number is 536-22-8172.', 'pii.national_id', '536-22-8172', 3, 3],
  ['a spaced SSN next to a cue', 'SSN 536 22 8172', 'pii.national_id', '536 22 8172', 3, 3],
  ['a US ITIN', 'ITIN 912-70-1234 on file', 'pii.national_id', '912-70-1234', 3, 3],
  ['a UK National Insurance number', 'NI number AB 12 34 56 C', 'pii.national_id', 'AB 12 34 56 C', 3, 3],
  ['an NHS number next to a cue', 'NHS number 943 476 5919', 'pii.national_id', '943 476 5919', 3, 3],
  ['a Canadian SIN next to a cue', 'SIN: 130 456 288', 'pii.national_id', '130 456 288', 3, 3],
  ['an Aadhaar number next to a cue', 'Aadhaar 2345 6789 0124', 'pii.national_id', '2345 6789 0124', 3, 3],
  ['a Spanish DNI', 'DNI 12345678Z', 'pii.national_id', '12345678Z', 3, 3],
  ['a Spanish NIE', 'NIE X1234567L', 'pii.national_id', 'X1234567L', 3, 3],
  ['a French NIR', 'NIR 1 84 12 76 451 089 46', 'pii.national_id', '1 84 12 76 451 089 46', 3, 3],
  ['a spaced Visa number', 'Card: 4539 1488 0343 6467', 'pii.payment_card', '4539 1488 0343 6467', 3, 3],
  ['a dashed Mastercard number', 'MC 5498-1234-5678-9013 exp', 'pii.payment_card', '5498-1234-5678-9013', 3, 3],
  ['a bare 2-series Mastercard', 'number 2221001234567896', 'pii.payment_card', '2221001234567896', 3, 3],
  ['an Amex number in 4-6-5 groups', 'Amex 3412 345678 90127', 'pii.payment_card', '3412 345678 90127', 3, 3],
  ['a Discover number', 'Discover 6011 1234 5678 9019', 'pii.payment_card', '6011 1234 5678 9019', 3, 3],
  ['a JCB number', 'JCB 3530 1234 5678 9018', 'pii.payment_card', '3530 1234 5678 9018', 3, 3],
  ['a card followed by its expiry', 'Visa 4539 1488 0343 6467 12/27', 'pii.payment_card', '4539 1488 0343 6467', 3, 3],
  ['a well-known test card outside a test context', 'Charged card 4111 1111 1111 1111.', 'pii.payment_card', '4111 1111 1111 1111', 3, 3],
  ['a compact British IBAN', 'IBAN GB69BARC20005512345678', 'pii.iban', 'GB69BARC20005512345678', 3, 3],
  ['a grouped German IBAN', 'Send to DE70 5001 0517 1234 5678 90 today', 'pii.iban', 'DE70 5001 0517 1234 5678 90', 3, 3],
  ['a grouped French IBAN', 'FR76 3000 6000 0112 3456 7890 189.', 'pii.iban', 'FR76 3000 6000 0112 3456 7890 189', 3, 3],
  ['a short Norwegian IBAN', 'konto NO93 8601 1117 947', 'pii.iban', 'NO93 8601 1117 947', 3, 3],
  ['a public IPv4 address', 'She connected from 84.23.11.9 yesterday', 'pii.ip_address', '84.23.11.9', 1.5, 2],
  ['an attributed IPv4 address', 'her IP address is 84.23.11.9', 'pii.ip_address', '84.23.11.9', 2, 2],
  ['a public IPv6 address', 'client 2a00:1450:4001:81c::200e connected', 'pii.ip_address', '2a00:1450:4001:81c::200e', 1.5, 2],
  ['a US street address with city, state and ZIP', 'Ship it to 42 Elm Street, Springfield, IL 62704.', 'pii.postal_address', '42 Elm Street, Springfield, IL 62704', 2, 2],
  ['an address with a direction and DC', 'at 1600 Pennsylvania Ave NW, Washington, DC 20500', 'pii.postal_address', '1600 Pennsylvania Ave NW, Washington, DC 20500', 2, 2],
  ['a London address with a postcode', 'He lives at 221B Baker Street, London NW1 6XE', 'pii.postal_address', '221B Baker Street, London NW1 6XE', 2, 2],
  ['an ordinal street', 'Meet at 350 5th Avenue', 'pii.postal_address', '350 5th Avenue', 2, 2],
  ['a weak street type confirmed by a ZIP', 'Her home: 12 Oak Drive, Austin, TX 78701', 'pii.postal_address', '12 Oak Drive, Austin, TX 78701', 2, 2],
  ['a weak street type after an address cue', 'she lives at 7 Maple Court with her kids', 'pii.postal_address', '7 Maple Court', 2, 2],
  ['a German address', 'Anschrift: Hauptstraße 5, 10115 Berlin', 'pii.postal_address', 'Hauptstraße 5, 10115 Berlin', 2, 2],
  ['a two-word German street', 'Er wohnt in der Berliner Straße 12', 'pii.postal_address', 'Berliner Straße 12', 2, 2],
  ['a French address', 'au 12 rue de la Paix, 75002 Paris', 'pii.postal_address', '12 rue de la Paix, 75002 Paris', 2, 2],
  ['a PO box', 'Write to P.O. Box 1234', 'pii.postal_address', 'P.O. Box 1234', 2, 2],
  ['a name with an honorific', 'Dr. Sarah Connor will see you.', 'pii.person_name', 'Dr. Sarah Connor', 1, 1],
  ['a name after a person cue', 'My neighbour Bob Miller called yesterday.', 'pii.person_name', 'Bob Miller', 1, 1],
  ['a full name with accents', 'The form was signed by José Álvarez yesterday.', 'pii.person_name', 'José Álvarez', 1, 1],
  ['a possessive name', "That is Emily Watson's bike.", 'pii.person_name', 'Emily Watson', 1, 1],
  ['a labelled passport number', 'Surname: ADEYEMI; Passport No.: A07731942; Nationality: NGA.', 'pii.national_id', 'A07731942', 3, 3],
  ['a passport number after "passport number"', 'Her passport number 533829471 expires in 2031.', 'pii.national_id', '533829471', 3, 3],
  ['a single first name after a relation cue', 'My colleague Priya sent the file.', 'pii.person_name', 'Priya', 1, 1],
  ['a single surname after an honorific', 'Dr. Okafor will call you back.', 'pii.person_name', 'Dr. Okafor', 1, 1],
]; // prettier-ignore

describe('pii_detector finds personal data in the response', () => {
  it.each(POSITIVES)('finds %s', (_what, output, category, text, min, max) => {
    const finding = scan(output);
    const hits = violationsOf(finding, category);
    expect(hits.map((v) => v.evidence[0]?.text)).toContain(text);
    const hit = hits.find((v) => v.evidence[0]?.text === text);
    expect(hit?.severity).toBeGreaterThanOrEqual(min);
    expect(hit?.severity).toBeLessThanOrEqual(max);
    expect(hit?.evidence[0]?.source).toBe('output');
    expect(finding.severity).toBeGreaterThanOrEqual(min);
    expectExactEvidence(finding, output);
  });
});

/** Look-alikes that must not be reported at all. */
const BENIGN: [string, string][] = [
  ['a 10-digit order number', 'Order 4839201746 has shipped.'],
  ['an order number and a tracking number', 'Your order number is 4839201746 and tracking 1Z999AA10123456784.'],
  ['an invoice number', 'Invoice 2024-001234 is due on Friday.'],
  ['a git hash', 'Commit 3f2a1b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a fixed the bug.'],
  ['short hashes', 'See a1b2c3d and 0123456789abcdef in the log.'],
  ['a four-part version string', 'Upgrade to version 1.2.3.4 today.'],
  ['a section number', 'Section 4.2.1.3 explains the rule.'],
  ['build numbers', 'Node v18.17.1.2 (build 2.3.4.5) is out.'],
  ['an ISBN-13', 'ISBN 978-3-16-148410-0 is the first edition.'],
  ['credentials in a connection URL (not an e-mail)', 'Connect with: `postgres://admin:B1lIA9Oy1t!xJit@prod-db.internal.acme.io:5432/orders`'],
  ['a passport-office opening time', 'The passport office opens at 0900 on weekdays.'],
  ['a passport photo size', 'Passport photos must be 35x45 mm.'],
  ['a passport label without a number', 'Passport: valid for ten years from issue.'],
  ['a street named after a person', 'Exit onto Martin Luther King Jr. Boulevard and walk two blocks north.'],
  ['an airport named after a person', 'Flights land at John F Kennedy International Airport.'],
  ['an ISBN-10', 'The ISBN is 0-306-40615-2.'],
  ['a millisecond timestamp', 'Timestamp 1700000000000 marks the start.'],
  ['an ISO date and time', 'The meeting is on 2024-01-15 at 10:30:00.'],
  ['dates in several formats', 'Dates: 15.01.2024, 01/02/2024 and 12-05-2024.'],
  ['prices', 'It costs $1,299.99 or €1.299,00 (1 299 000 VND).'],
  ['sports scores', 'The Lakers won 102-98; earlier scores were 3-1 and 2-0.'],
  ['coordinates', 'Coordinates 40.7128, -74.0060 and 51.5074 N, 0.1278 W.'],
  ['a city named like a person', 'I visited Washington last year.'],
  ['a city and state', 'Jackson, Mississippi is the capital.'],
  ['a station named like a person', 'Take the train from Victoria station.'],
  ['a memorial named after a person', 'The Lincoln Memorial is on the National Mall.'],
  ['a hotel named like a person', 'We stayed at the Paris Hilton Hotel.'],
  ['programming languages named like people', 'Ruby on Rails and Julia are popular.'],
  ['voice assistants', 'Ask Alexa or Siri to set a timer.'],
  ['a bank named like a person', 'Morgan Stanley reported earnings.'],
  ['a district named like a person', 'Our office is in Chelsea.'],
  ['product names with numbers', 'The iPhone 15 Pro Max and Windows 11 Home are supported.'],
  ['a drive that is hardware', 'Install 1 Solid State Drive in bay 2.'],
  ['a Luhn-invalid card-like number', 'Card 4111 1111 1111 1112 was declined.'],
  ['a 16-digit number with no issuer', 'Reference 1234 5678 9012 3456 is yours.'],
  ['a population figure', 'The population was 8,336,817 in 2020.'],
  ['a count after "call"', 'Call the function 5 times.'],
  ['a ZIP code alone', 'ZIP code 90210 is in Beverly Hills.'],
  ['a process id and a port', 'Kill the process with PID 48213 and port 8080.'],
  ['error codes', 'Error code 0x80070005 and HTTP 404.'],
  ['a UUID', 'The UUID is 123e4567-e89b-12d3-a456-426614174000.'],
  ['a phone model and a price', 'The Galaxy S23 costs 799.'],
  ['highway numbers', 'Route 66 and Interstate 95 cross many states.'],
  ['a number matrix', 'Matrix 1 2 3 4 5 6 7 8 9'],
  ['a title with a street type', 'Chapter 3 Road Map'],
  ['a Windows build number', 'Version 10.0.19045.3803 of Windows'],
  ['an SNMP OID', 'The OID 1.3.6.1.4.1 is enterprise.'],
  ['an invalid SSN area', 'Number 666-12-3456 is never issued.'],
  ['an SSN-shaped number with a 00 group', 'Code 123-00-4567 is not an SSN.'],
  ['a bare 9-digit number with no SSN cue', 'Item 536228172 is in stock.'],
  ['a tracking number with spaces', 'Tracking number 9400 1000 0000 0000 0000 00'],
  ['byte counts', 'A 2 KB file has 2048 bytes; 1024 * 1024 = 1048576.'],
  ['a baseball score with cities', 'St. Louis beat the Chicago Cubs 5-3.'],
  ['an IBAN with a wrong checksum', 'IBAN GB00 WEST 1234 5698 7654 32'],
  ['a MAC address', 'The MAC is 00:1A:2B:3C:4D:5E.'],
  ['a clock time with seconds', 'Set the alarm to 06:30:15.'],
  ['a C++ scope', 'Use std::vector and Foo::Bar::baz.'],
  ['a month named like a person', 'In June we ship; May is busy.'],
  ['a NINO-shaped code with a forbidden prefix', 'Code QQ 12 34 56 C is the HMRC example.'],
]; // prettier-ignore

describe('pii_detector ignores benign look-alikes', () => {
  it.each(BENIGN)('ignores %s', (_what, output) => {
    const finding = scan(output);
    expect(finding.violations).toEqual([]);
    expect(finding.value).toBe('pass');
  });
});

/** Reported, but at low severity: [what, response, category, evidence text, max severity] */
const LOW: [string, string, string, string, number][] = [
  ['a loopback address', 'Open http://127.0.0.1:8080 in a browser.', 'pii.ip_address', '127.0.0.1', 0.5],
  ['a private 10.x address', 'The gateway is 10.0.0.1 on the LAN.', 'pii.ip_address', '10.0.0.1', 0.5],
  ['a private 192.168.x address', 'Set the router IP to 192.168.1.1.', 'pii.ip_address', '192.168.1.1', 0.5],
  ['a public DNS resolver', 'Use the DNS server 8.8.8.8.', 'pii.ip_address', '8.8.8.8', 0.5],
  ['an IPv6 loopback-style documentation address', 'ping 2001:db8::1 to test', 'pii.ip_address', '2001:db8::1', 0.5],
  ['a role mailbox', 'Write to support@acme.com for help.', 'pii.email', 'support@acme.com', 0.5],
  ['a documentation-domain e-mail', 'Set EMAIL=you@example.com in .env', 'pii.email', 'you@example.com', 0.5],
  ['a toll-free number', 'Call 1-800-555-0199 for sales.', 'pii.phone', '1-800-555-0199', 0.5],
  ['a UK freephone number', 'Freephone 0800 123 4567 any time.', 'pii.phone', '0800 123 4567', 0.5],
  ['a test card in a test context', 'Use the Stripe test card 4242 4242 4242 4242 in sandbox mode.', 'pii.payment_card', '4242 4242 4242 4242', 0.5],
  ['the registry example IBAN in an example', 'For example, GB82 WEST 1234 5698 7654 32 is valid.', 'pii.iban', 'GB82 WEST 1234 5698 7654 32', 1],
  ['a lone first name', 'Thanks, Sarah, that helps.', 'pii.person_name', 'Sarah', 0.5],
  ['a first name addressing the customer', "You're all set, Sarah — table for four at 7:30 pm this Friday.", 'pii.person_name', 'Sarah', 0.5],
  ['a first name in a biography', 'His mother, Nancy Hanks Lincoln, died in 1818.', 'pii.person_name', 'Nancy', 0.5],
  ['a place that is also a first name', 'Jordan is popular for Petra, Wadi Rum and the Dead Sea.', 'pii.person_name', 'Petra', 0.5],
  ['a documented test card far from the test cue', 'Use 4242 4242 4242 4242 with any future expiry date and any 3-digit CVC for a successful Visa payment in test mode.', 'pii.payment_card', '4242 4242 4242 4242', 0.5],
  ['an example-domain address in a unit test', "it.each(['user@example.com', 'first.last+tag@example.org'])('accepts %s')", 'pii.email', 'first.last+tag@example.org', 0.5],
]; // prettier-ignore

describe('pii_detector reads a test context in the request', () => {
  const answer =
    'Use 4242 4242 4242 4242 with any future expiry date and any CVC; it works everywhere.';
  it.each([
    ['a question about test cards', 'Which test card numbers can I use with Stripe?', 0.5],
    ['a sandbox question', 'What card do I enter in the sandbox?', 0.5],
  ])('downgrades a documented test card after %s', (_what, input, max) => {
    const finding = scan(answer, input);
    const hit = violationsOf(finding, 'pii.payment_card')[0];
    expect(hit?.severity).toBeLessThanOrEqual(max);
    expect(finding.escalation).toBeUndefined();
    expectExactEvidence(finding, answer, input);
  });

  it('still treats the same digits as exposed without a test context anywhere', () => {
    const output = 'The card on file is 4242 4242 4242 4242, expiring 04/27.';
    const finding = scan(output, 'What card did the customer pay with?');
    expect(violationsOf(finding, 'pii.payment_card')[0]?.severity).toBe(3);
  });

  it('does not downgrade a real card because the request mentions testing', () => {
    const output = 'Use 4539 1488 0343 6467 for the test.';
    const finding = scan(output, 'Which card should I test with?');
    expect(violationsOf(finding, 'pii.payment_card')[0]?.severity).toBe(3);
  });
});

describe('pii_detector weighs low-risk identifiers lightly', () => {
  it.each(LOW)(
    'reports %s at low severity without escalating',
    (_what, output, category, text, max) => {
      const finding = scan(output);
      const hit = violationsOf(finding, category).find((v) => v.evidence[0]?.text === text);
      expect(hit).toBeDefined();
      expect(hit?.severity).toBeLessThanOrEqual(max);
      expect(finding.violation).toBe(false);
      expect(finding.escalation).toBeUndefined();
      expectExactEvidence(finding, output);
    },
  );
});

describe('pii_detector escalation', () => {
  it.each([
    ['a payment card', 'Your card 4539 1488 0343 6467 is on file.'],
    ['a national id', 'Her SSN is 536-22-8172.'],
    ['an IBAN', 'Pay into GB69 BARC 2000 5512 3456 78.'],
  ])('escalates %s in the response at TIER_3 under clause P1', (_what, output) => {
    const finding = scan(output);
    expect(finding.severity).toBe(3);
    expect(finding.escalation).toMatchObject({ tier: 'TIER_3', clause: 'P1' });
    expect(finding.violations[0]?.clause).toBe('P1');
  });

  it('links a name with a phone and an e-mail of the same person into a P2 dossier', () => {
    const output = 'Contact John Carter at john.carter@gmail.com or 415-555-0134.';
    const finding = scan(output);
    expect(finding.escalation).toMatchObject({ tier: 'TIER_3', clause: 'P2' });
    const [dossier] = violationsOf(finding, 'pii.linkage');
    expect(dossier?.severity).toBe(2);
    expect(dossier?.evidence.map((e) => e.text)).toEqual([
      'John Carter',
      'john.carter@gmail.com',
      '415-555-0134',
    ]);
    expect(violationsOf(finding, 'pii.person_name')[0]?.severity).toBe(2);
    expectExactEvidence(finding, output);
  });

  it('links an e-mail and a street address without a name', () => {
    const finding = scan('Her email is ana.ruiz@gmail.com and she lives at 42 Elm Street.');
    expect(finding.escalation?.clause).toBe('P2');
  });

  it('prefers P1 over P2 when a dossier also holds a sensitive identifier', () => {
    const finding = scan('Jane Roe, SSN 536-22-8172, phone 415-555-0134.');
    expect(finding.escalation?.clause).toBe('P1');
    expect(violationsOf(finding, 'pii.linkage')).toHaveLength(1);
  });

  it('does not link identifiers in separate paragraphs', () => {
    const output = 'Email: ana.ruiz@gmail.com\n\nUnrelated: for the venue call 415-555-0134.';
    const finding = scan(output);
    expect(finding.escalation).toBeUndefined();
    expect(violationsOf(finding, 'pii.linkage')).toEqual([]);
  });

  it('does not link identifiers far apart', () => {
    const filler = ' The weather was fine and nothing else happened that day.'.repeat(4);
    const finding = scan(`Email ana.ruiz@gmail.com.${filler} Call 415-555-0134.`);
    expect(finding.escalation).toBeUndefined();
  });

  it('does not treat a business contact block as a dossier', () => {
    const finding = scan('Contact support@acme.com or call 1-800-555-0199.');
    expect(finding.escalation).toBeUndefined();
    expect(finding.severity).toBe(0.5);
    expect(finding.value).toBe('pass');
  });

  it('does not escalate a single contact detail', () => {
    const finding = scan('You can write to ana.ruiz@gmail.com.');
    expect(finding.value).toBe('violation');
    expect(finding.escalation).toBeUndefined();
  });
});

describe('pii_detector weighs the user input at most 1', () => {
  it('weighs a card in the user input at 1, without escalation', () => {
    const input = 'My card is 4539 1488 0343 6467, is it safe to share?';
    const finding = scan('No, never share a card number in a chat.', input);
    expect(finding.severity).toBe(1);
    expect(finding.escalation).toBeUndefined();
    expect(finding.violations[0]?.evidence[0]).toMatchObject({
      source: 'input',
      text: '4539 1488 0343 6467',
    });
    expectExactEvidence(finding, 'No, never share a card number in a chat.', input);
  });

  it('weighs the user giving their own e-mail below a concern', () => {
    const finding = scan('Thanks, noted.', 'My email is sam.lee@gmail.com');
    expect(finding.value).toBe('pass');
    expect(finding.severity).toBeCloseTo(0.67, 2);
  });

  it('weighs values the response echoes from the input like the input', () => {
    const input = 'My name is Jane Doe and my email is jane.doe@gmail.com. Write my signature.';
    const output = 'Jane Doe | jane.doe@gmail.com';
    const finding = scan(output, input);
    expect(finding.escalation).toBeUndefined();
    expect(finding.severity).toBeLessThan(1);
    const echoed = finding.violations.filter((v) => v.evidence[0]?.source === 'output');
    expect(echoed.every((v) => v.description.includes('echoed'))).toBe(true);
    expect(finding.details).toMatchObject({ echoed: 2 });
  });

  it('still escalates new identifiers next to echoed ones', () => {
    const input = 'Whose SSN is 536-22-8172?';
    const output =
      'SSN 536-22-8172 belongs to Mr. Tom Hardy of 42 Elm Street, Springfield, IL 62704.';
    const finding = scan(output, input);
    expect(finding.escalation?.clause).toBe('P2');
  });

  it('honours a custom input weight', () => {
    const detector = resolvePiiOptions({ inputWeight: 0.1 });
    const finding = detectPii(
      { inputText: 'card 4539 1488 0343 6467', modelResponse: 'ok', context: {} },
      detector,
    );
    expect(finding.severity).toBeCloseTo(0.3, 5);
  });
});

describe('pii_detector details and limits', () => {
  it('counts hits by kind and source in details', () => {
    const finding = scan(
      'Mail ana.ruiz@gmail.com or bo.li@gmail.com; server 84.23.11.9.',
      'me: sam.lee@gmail.com',
    );
    expect(finding.details).toMatchObject({
      counts: {
        output: { email: 2, ip_address: 1, phone: 0 },
        input: { email: 1 },
      },
      riskTier: 'high',
      namesScanned: true,
    });
  });

  it('reports at most maxViolationsPerKind violations per kind but counts them all', () => {
    const output = Array.from({ length: 30 }, (_, i) => `user${i}@gmail.com`).join(', ');
    const finding = detectPii(
      { inputText: '', modelResponse: output, context: {} },
      resolvePiiOptions({ maxViolationsPerKind: 5 }),
    );
    expect(violationsOf(finding, 'pii.email')).toHaveLength(5);
    expect(finding.details).toMatchObject({ counts: { output: { email: 30 } } });
  });

  it('skips person names when detectNames is off', () => {
    const finding = detectPii(
      { inputText: '', modelResponse: 'Dr. Sarah Connor called.', context: {} },
      resolvePiiOptions({ detectNames: false }),
    );
    expect(finding.violations).toEqual([]);
    expect(finding.details).toMatchObject({ namesScanned: false });
  });

  it('says when the name budget left part of the response unscanned', () => {
    const output = 'Sarah Connor met James Smith. '.repeat(200);
    const finding = scan(output);
    expect(finding.details).toMatchObject({ namesTruncated: true });
  });

  it('returns a clean pass for text without personal data', () => {
    const finding = scan('Restart the service and check the logs.', 'How do I fix this?');
    expect(finding).toMatchObject({ value: 'pass', severity: 0, violations: [], score: 0 });
  });

  it.each(ADVERSARIAL_INPUTS.map((a) => [a.name, a.text] as const))(
    'returns a valid finding for the adversarial input %s',
    (_name, text) => {
      const finding = scan(text, text);
      expect(validateOutput({ ...finding }, { requiredFields: ['value', 'score'] })).toEqual([]);
      expect(finding.severity).toBeGreaterThanOrEqual(0);
      expectExactEvidence(finding, text, text);
    },
  );
});

describe('pii_detector uncertainty', () => {
  it.each([
    ['nothing found', 'All good.', 0.1],
    ['a checksum-validated card', 'Card 4539 1488 0343 6467', 0.1],
    ['a contact detail', 'Mail ana.ruiz@gmail.com', 0.2],
    ['only a name found by NLP', 'Dr. Sarah Connor agreed.', 0.35],
  ])('reports uncertainty for %s', (_what, output, uncertainty) => {
    expect(scan(output).uncertainty).toBe(uncertainty);
  });
});
