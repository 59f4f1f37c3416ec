/**
 * Data for the PII detector: checksum tables, issuer ranges, cue words and street-type lexicons.
 * Patterns are built from these lists in `src/critics/pii/*.ts`; nothing here is executable logic.
 */

/** IBAN length per country (SWIFT IBAN registry). */
// prettier-ignore
export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
});

/** A card network: issuer (IIN) prefix ranges, inclusive, and the lengths it issues. */
export interface CardBrand {
  readonly brand: string;
  /** `[low, high]` prefixes of equal length, compared numerically. */
  readonly ranges: readonly (readonly [string, string])[];
  readonly lengths: readonly number[];
}

/** Card networks by issuer range; the first matching brand wins (Discover before UnionPay). */
// prettier-ignore
export const CARD_BRANDS: readonly CardBrand[] = [
  { brand: 'visa', ranges: [['4', '4']], lengths: [13, 16, 19] },
  { brand: 'mastercard', ranges: [['51', '55'], ['2221', '2720']], lengths: [16] },
  { brand: 'amex', ranges: [['34', '34'], ['37', '37']], lengths: [15] },
  {
    brand: 'discover',
    ranges: [['6011', '6011'], ['644', '649'], ['65', '65'], ['622126', '622925']],
    lengths: [16, 17, 18, 19],
  },
  {
    brand: 'diners',
    ranges: [['300', '305'], ['3095', '3095'], ['36', '36'], ['38', '39']],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { brand: 'jcb', ranges: [['3528', '3589']], lengths: [16, 17, 18, 19] },
  { brand: 'mir', ranges: [['2200', '2204']], lengths: [16, 17, 18, 19] },
  {
    brand: 'maestro',
    ranges: [['5018', '5018'], ['5020', '5020'], ['5038', '5038'], ['5893', '5893'],
      ['6304', '6304'], ['6759', '6759'], ['6761', '6763']],
    lengths: [13, 14, 15, 16, 17, 18, 19],
  },
  { brand: 'unionpay', ranges: [['62', '62']], lengths: [16, 17, 18, 19] },
  { brand: 'rupay', ranges: [['508', '508'], ['60', '60'], ['81', '82']], lengths: [16] },
];

/**
 * Publicly documented test and example values (payment-processor test cards, the IBAN registry's
 * examples, SSNs made famous by advertising). Only near a {@link TEST_CONTEXT_CUES} word are they
 * downgraded: the same digits in a customer record are still an exposure.
 */
// prettier-ignore
export const PUBLIC_TEST_VALUES: ReadonlySet<string> = new Set([
  '4111111111111111', '4242424242424242', '4012888888881881', '4000056655665556',
  '4000000000000002', '4000000000009995', '4222222222222', '4111111111111',
  '5555555555554444', '5105105105105100', '5200828282828210', '2223003122003222',
  '378282246310005', '371449635398431', '378734493671000', '6011111111111117',
  '6011000990139424', '3056930009020004', '36227206271667', '3566002020360505',
  '6200000000000005', '30569309025904', '38520000023237',
  'GB82WEST12345698765432', 'GB29NWBK60161331926819', 'DE89370400440532013000',
  'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'CH9300762011623852957',
  'ES9121000418450200051332', 'IT60X0542811101000000123456', 'BE68539007547034',
  '078051120', '219099999', '123456789',
]);

// prettier-ignore
export const TEST_CONTEXT_CUES = [
  'test', 'testing', 'test card', 'test mode', 'sandbox', 'example', 'for example', 'sample',
  'dummy', 'fake', 'placeholder', 'fictional', 'fictitious', 'mock', 'demo', 'stripe', 'braintree',
  'e.g.', 'such as', 'format', 'looks like', 'checksum', 'luhn', 'validate', 'validation',
];

/** Role mailboxes: an organisation's address, not a person's. */
// prettier-ignore
export const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'info', 'support', 'help', 'helpdesk', 'contact', 'contactus', 'sales', 'admin', 'administrator',
  'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'webmaster', 'postmaster', 'hostmaster',
  'abuse', 'privacy', 'dpo', 'legal', 'press', 'media', 'team', 'hello', 'billing', 'accounts',
  'security', 'careers', 'jobs', 'hr', 'office', 'enquiries', 'inquiries', 'feedback', 'service',
  'customerservice', 'customercare', 'orders', 'marketing', 'newsletter', 'notifications',
  'root', 'mailer-daemon', 'reception', 'bookings', 'reservations', 'partners', 'investors',
]);

/** Documentation and reserved e-mail domains (RFC 2606, RFC 6761). */
export const EXAMPLE_EMAIL_DOMAINS =
  /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/;

// prettier-ignore
export const EMAIL_CUES = [
  'email', 'e-mail', 'mail', 'mail me', 'write to', 'reach', 'contact', 'address', 'inbox',
];

/** Words that make a nearby digit run a phone number. */
// prettier-ignore
export const PHONE_CUES = [
  'phone', 'telephone', 'tel', 'tel.', 'ph', 'mobile', 'cell', 'cellphone', 'call', 'calling',
  'called', 'ring', 'text', 'text me', 'sms', 'whatsapp', 'signal', 'telegram', 'fax', 'landline',
  'dial', 'my number', 'his number', 'her number', 'their number', 'your number', 'contact', 'reach', 'hotline', 'telefon', 'handy', 'téléphone', 'portable',
  'tél', 'móvil', 'teléfono', 'cellulare', 'telefono',
];

/** Words that make a nearby digit run something other than a phone number. */
// prettier-ignore
export const NON_PHONE_CUES = [
  'order', 'order no', 'invoice', 'tracking', 'track', 'account', 'acct', 'reference', 'ref',
  'ticket', 'case', 'serial', 'sku', 'isbn', 'issn', 'confirmation', 'transaction', 'booking',
  'receipt', 'id', 'customer id', 'part', 'model', 'version', 'build', 'commit', 'pnr', 'awb',
  'batch', 'lot', 'policy', 'claim', 'po', 'item', 'product', 'patent', 'doi', 'pmid', 'page',
  'population', 'total', 'sum', 'balance', 'timestamp', 'epoch', 'seed', 'hash', 'checksum',
];

/** NANP toll-free area codes: business lines, not a person's. */
export const NANP_TOLL_FREE: ReadonlySet<string> = new Set([
  '800',
  '833',
  '844',
  '855',
  '866',
  '877',
  '888',
]);
/** UK freephone codes after the trunk 0 or +44. */
export const UK_FREEPHONE: ReadonlySet<string> = new Set(['800', '808', '500']);

export const SSN_CUES = ['ssn', 'social security', 'social security number', 'itin', 'taxpayer'];
export const SIN_CUES = ['social insurance', 'assurance sociale'];
/** Acronyms matched case-sensitively ("sin" is also the sine). */
export const SIN_ACRONYMS = ['SIN', 'NAS'];
export const NHS_CUES = ['nhs', 'nhs number', 'nhs no'];
export const AADHAAR_CUES = ['aadhaar', 'aadhar', 'uidai', 'uid'];

/** Words that make a dotted quad a version or section number rather than an IP address. */
// prettier-ignore
export const VERSION_CUES = [
  'version', 'versions', 'ver', 'ver.', 'v', 'release', 'build', 'firmware', 'update', 'upgrade',
  'patch', 'python', 'node', 'java', 'chrome', 'firefox', 'package', 'library', 'sdk', 'ios',
  'android', 'windows', 'kernel', 'section', 'chapter', 'clause', 'figure', 'table', 'step',
  'rule', 'article', 'paragraph', 'item', 'requirement', 'oid', 'semver', 'npm', 'pip', 'gem',
];

/** Words that make a dotted quad an IP address. */
// prettier-ignore
export const NETWORK_CUES = [
  'ip', 'ip address', 'ipv4', 'ipv6', 'host', 'hostname', 'server', 'ping', 'ssh', 'connect',
  'connected', 'dns', 'nameserver', 'gateway', 'subnet', 'router', 'proxy', 'curl', 'http',
  'https', 'localhost', 'logged in', 'login', 'from ip', 'address', 'nslookup', 'traceroute',
  'firewall', 'bind', 'listen', 'endpoint', 'vpn', 'client', 'origin',
];

/** Public resolvers and other well-known service addresses. */
// prettier-ignore
export const PUBLIC_SERVICE_IPS: ReadonlySet<string> = new Set([
  '8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112', '208.67.222.222',
  '208.67.220.220', '4.2.2.2', '4.2.2.1', '64.6.64.6', '94.140.14.14',
]);

/** Street types that make "number + capitalised name + type" an address on their own. */
// prettier-ignore
export const STRONG_STREET_TYPES = [
  'Street', 'St', 'Avenue', 'Ave', 'Av', 'Road', 'Rd', 'Boulevard', 'Blvd', 'Lane', 'Ln',
  'Highway', 'Hwy', 'Parkway', 'Pkwy', 'Alley', 'Straße', 'Strasse', 'Turnpike', 'Expressway',
];

/** Street types that also name other things ("hard drive", "town square"): need confirmation. */
// prettier-ignore
export const WEAK_STREET_TYPES = [
  'Drive', 'Dr', 'Way', 'Court', 'Ct', 'Place', 'Pl', 'Terrace', 'Ter', 'Circle', 'Cir',
  'Square', 'Sq', 'Crescent', 'Cres', 'Close', 'Row', 'Walk', 'Trail', 'Trl', 'Plaza', 'Loop',
  'Path', 'Mews', 'Gardens', 'Grove', 'Hill', 'Park', 'Green', 'Point', 'Pike', 'Run', 'View',
];

/** German street-name endings (written joined: "Hauptstraße 5"). */
export const GERMAN_STRONG_SUFFIXES = ['straße', 'strasse', 'str.', 'gasse', 'allee', 'chaussee'];
export const GERMAN_WEAK_SUFFIXES = ['weg', 'platz', 'ring', 'damm', 'ufer', 'steig', 'markt'];

/** French street types (written lower-case after the number: "12 rue de la Paix"). */
export const FRENCH_STRONG_TYPES = ['rue', 'boulevard', 'bd', 'allée', 'impasse', 'quai'];
export const FRENCH_WEAK_TYPES = ['avenue', 'av.', 'place', 'route', 'cours', 'chemin', 'passage'];

/** US state and territory abbreviations (confirm "…, Springfield, IL 62704"). */
// prettier-ignore
export const US_STATE_CODES: ReadonlySet<string> = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA',
  'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM',
  'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA',
  'WV', 'WI', 'WY', 'PR', 'GU', 'VI',
]);

// prettier-ignore
export const ADDRESS_CUES = [
  'lives at', 'live at', 'living at', 'lives on', 'address', 'home address', 'resides at',
  'residing at', 'located at', 'ship to', 'deliver to', 'delivered to', 'send it to', 'mail it to',
  'house at', 'home at', 'moved to', 'mailing', 'wohnt', 'wohnhaft', 'anschrift', 'adresse',
  'habite', 'domicile', 'his house', 'her house', 'their house', 'apartment', 'flat at',
];

/** Honorifics that introduce a person's name. */
// prettier-ignore
export const HONORIFICS = [
  'Mr', 'Mrs', 'Ms', 'Mx', 'Miss', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Lady', 'Lord',
  'Rev', 'Reverend', 'Fr', 'Father', 'Sister', 'Brother', 'Herr', 'Frau', 'Mme', 'Mlle',
  'Monsieur', 'Madame', 'Señor', 'Señora', 'Sr', 'Sra', 'Officer', 'Detective', 'Judge', 'Nurse',
];

/** Relations that introduce a particular private person's name ("my neighbour Priya"). */
// prettier-ignore
export const RELATION_CUES = [
  'my neighbour', 'my neighbor', 'my friend', 'my colleague', 'my coworker', 'my co-worker',
  'my boss', 'my manager', 'my landlord', 'my tenant', 'my ex', 'my wife', 'my husband',
  'my partner', 'my girlfriend', 'my boyfriend', 'my brother', 'my sister', 'my son',
  'my daughter', 'my mother', 'my father', 'my mom', 'my dad', 'my cousin', 'my uncle', 'my aunt',
  'my teacher', 'my student', 'my doctor', 'my patient', 'my client', 'my employee',
];

/** Words that introduce a name, or a product, file or thing ("named", "called", "customer"). */
// prettier-ignore
export const ROLE_CUES = [
  'named', 'called', 'name is', 'name was', 'known as', 'patient', 'employee', 'customer',
  'tenant', 'applicant', 'candidate', 'student', 'victim', 'suspect', 'defendant', 'plaintiff',
  'contact',
];

/** Words that, right after a name, make it a place, building, institution or thing. */
// prettier-ignore
export const FACILITY_WORDS: ReadonlySet<string> = new Set([
  'street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'lane', 'drive', 'square', 'station',
  'memorial', 'monument', 'hotel', 'airport', 'university', 'college', 'school', 'academy',
  'hospital', 'clinic', 'park', 'bridge', 'river', 'lake', 'mountain', 'county', 'city', 'town',
  'center', 'centre', 'building', 'tower', 'hall', 'museum', 'library', 'stadium', 'arena',
  'church', 'cathedral', 'chapel', 'institute', 'foundation', 'inc', 'corp', 'corporation',
  'company', 'co', 'ltd', 'llc', 'plc', 'gmbh', 'group', 'bank', 'prize', 'award', 'act', 'law',
  'theorem', 'equation', 'effect', 'syndrome', 'disease', 'method', 'algorithm', 'test', 'scale',
  'island', 'islands', 'bay', 'harbor', 'harbour', 'port', 'beach', 'valley', 'falls', 'canyon',
  'terminal', 'line', 'hills', 'heights', 'gardens', 'palace', 'castle', 'house', 'fund', 'trust',
  'cup', 'trophy', 'festival', 'conference', 'highway', 'way', 'place', 'blvd', 'pkwy',
]);

/** Prepositions that, before a lone name, make it a place ("in Chelsea", "to Florence"). */
// prettier-ignore
export const LOCATIVE_WORDS: ReadonlySet<string> = new Set([
  'in', 'at', 'to', 'from', 'near', 'around', 'across', 'through', 'via', 'visit', 'visited',
  'visiting', 'toward', 'towards', 'into', 'outside', 'inside', 'downtown', 'north', 'south',
  'east', 'west', 'of',
]);

/** First words that make a capitalised pair a place ("Santa Monica", "Fort Worth", "St Helens"). */
// prettier-ignore
export const PLACE_PREFIXES: ReadonlySet<string> = new Set([
  'santa', 'san', 'saint', 'st', 'ste', 'fort', 'ft', 'mount', 'mt', 'port', 'lake', 'los', 'las',
  'new', 'north', 'south', 'east', 'west', 'cape', 'glen', 'point', 'palm', 'grand',
]);

/** First names that are far more often products, languages or assistants than people. */
// prettier-ignore
export const PRODUCT_NAMES: ReadonlySet<string> = new Set([
  'alexa', 'siri', 'cortana', 'julia', 'ruby', 'ada', 'jenkins', 'django', 'bert', 'claude',
  'gemini', 'llama', 'mistral', 'hugo', 'jasper', 'sage', 'jekyll', 'kafka', 'jupyter', 'watson',
  'oscar', 'emmy', 'tony', 'grammy', 'clippy', 'pandas', 'jest', 'mocha', 'karma', 'bard',
]);

/** Multi-word organisations that read as a first and last name. */
// prettier-ignore
export const PERSON_LIKE_ORGANISATIONS: ReadonlySet<string> = new Set([
  'morgan stanley', 'goldman sachs', 'wells fargo', 'charles schwab', 'dow jones', 'harley davidson',
  'rolls royce', 'mercedes benz', 'john deere', 'calvin klein', 'ralph lauren', 'tommy hilfiger',
  'louis vuitton', 'hugo boss', 'estée lauder', 'johnson johnson', 'jack daniel', 'marks spencer',
  'ernst young', 'merrill lynch', 'paul smith', 'ted baker', 'kate spade', 'michael kors',
  'baker mckenzie', 'arthur andersen', 'john lewis', 'james hardie', 'sherwin williams',
]);
