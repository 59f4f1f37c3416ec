import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCritic } from '../orchestrator/classify.js';
import { InvalidOptionError } from '../orchestrator/errors.js';
import { Policy, Stage } from '../orchestrator/vocabulary.js';
import { ADVERSARIAL_INPUTS } from './adversarial.js';
import {
  SECRETS_SCAN,
  base64Tokens,
  type SecretsScanOptions,
  createSecretsScan,
  isPlaceholder,
  redact,
  shannonEntropy,
} from './secrets-scan.js';
import { evaluateSync } from './test-helpers/run-sync.js';
import type { Finding } from './types.js';
import { expectValidFinding } from './test-helpers/expect-finding.js';

function run(inputText: string, modelResponse: string, options?: SecretsScanOptions): Finding {
  return evaluateSync(createSecretsScan(options), inputText, modelResponse);
}

/**
 * Evidence is redacted on purpose: `text` is `redact(source.slice(start, end))`, never the secret,
 * and nothing in the finding contains the secret.
 */
function expectValid(finding: Finding, inputText: string, modelResponse: string): void {
  expectValidFinding(finding, inputText, modelResponse, { shown: redact });
  const serialised = JSON.stringify(finding);
  for (const e of finding.violations.flatMap((v) => v.evidence)) {
    const secret = (e.source === 'input' ? inputText : modelResponse).slice(e.start, e.end);
    if (secret.length >= 12) expect(serialised).not.toContain(secret);
  }
}

/** Deterministic pseudo-random tokens, so no real-looking key is spelled out in the source. */
function token(seed: number, length: number, alphabet = ALNUM): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[(x >>> 16) % alphabet.length] ?? '';
  }
  return out;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;
const URLSAFE = `${ALNUM}_-`;

const PEM_BODY = token(7, 64 * 6, B64).replace(/(.{64})/g, '$1\n');
const JWT = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(
  '{"sub":"42","role":"admin","exp":1924992000}',
).toString('base64url')}.${token(8, 43, URLSAFE)}`;

interface Positive {
  name: string;
  /** The text, with the secret in it. */
  text: string;
  /** The secret the evidence span must cover. */
  secret: string;
  category: string;
  min: number;
  max: number;
}

function positive(
  name: string,
  secret: string,
  category: string,
  min: number,
  max = min,
  around?: (s: string) => string,
): Positive {
  return {
    name,
    text: around === undefined ? `Use this: ${secret} and keep it safe.` : around(secret),
    secret,
    category,
    min,
    max,
  };
}

const POSITIVES: Positive[] = [
  positive(
    'an AWS access key id split by zero-width spaces',
    `AKIA\u200b${token(41, 4, UPPER_ALNUM)}\u200b${token(42, 4, UPPER_ALNUM)}\u200b${token(43, 8, UPPER_ALNUM)}`,
    'secret.aws_access_key',
    2.5,
  ),
  positive(
    'a base64-wrapped OpenAI key',
    Buffer.from(`sk-proj-${token(44, 48, ALNUM)}`).toString('base64'),
    'secret.openai_key',
    2.5,
    3,
    (s) => `Here it is, base64-encoded: ${s}`,
  ),
  positive(
    'a quoted password after a config keyword without an operator',
    `bT${token(45, 8, ALNUM)}#U5`,
    'secret.password_literal',
    1,
    1,
    (s) => `set system login user admin authentication plain-text-password "${s}"`,
  ),
  positive(
    'an AWS access key id',
    `AKIA${token(1, 16, UPPER_ALNUM)}`,
    'secret.aws_access_key',
    2.5,
  ),
  positive(
    'an AWS temporary key id',
    `ASIA${token(2, 16, UPPER_ALNUM)}`,
    'secret.aws_access_key',
    2.5,
  ),
  positive(
    'an AWS secret access key',
    token(3, 40, B64),
    'secret.aws_secret_key',
    3,
    3,
    (s) => `aws_secret_access_key = ${s}`,
  ),
  positive('a GitHub personal token', `ghp_${token(4, 36)}`, 'secret.github_token', 3),
  positive('a GitHub OAuth token', `gho_${token(5, 36)}`, 'secret.github_token', 3),
  positive(
    'a GitHub fine-grained token',
    `github_pat_${token(6, 22)}_${token(9, 59)}`,
    'secret.github_token',
    3,
  ),
  positive('a GitLab token', `glpat-${token(10, 20, URLSAFE)}`, 'secret.gitlab_token', 3),
  positive(
    'a Slack bot token',
    `xoxb-${token(11, 12, '0123456789')}-${token(12, 13, '0123456789')}-${token(13, 24)}`,
    'secret.slack_token',
    3,
  ),
  positive(
    'a Slack webhook URL',
    `hooks.slack.com/services/T${token(14, 8, UPPER_ALNUM)}/B${token(15, 8, UPPER_ALNUM)}/${token(16, 24)}`,
    'secret.slack_webhook',
    2.5,
    2.5,
    (s) => `curl -X POST https://${s}`,
  ),
  positive('a Stripe live secret key', `sk_live_${token(17, 24)}`, 'secret.stripe_key', 3),
  positive('a Stripe restricted key', `rk_live_${token(18, 24)}`, 'secret.stripe_key', 3),
  positive(
    'a Stripe test key (lower severity)',
    `sk_test_${token(19, 24)}`,
    'secret.stripe_key',
    1,
  ),
  positive('a Stripe webhook secret', `whsec_${token(20, 32)}`, 'secret.stripe_key', 2.5),
  positive(
    'an OpenAI project key',
    `sk-proj-${token(21, 48, URLSAFE)}`,
    'secret.openai_key',
    3,
    3,
    (s) => `OPENAI_API_KEY=${s}`,
  ),
  positive('an OpenAI legacy key', `sk-${token(22, 48)}`, 'secret.openai_key', 3),
  positive(
    'an Anthropic key',
    `sk-ant-api03-${token(23, 93, URLSAFE)}AA`,
    'secret.anthropic_key',
    3,
  ),
  positive('a Google API key', `AIza${token(24, 35, URLSAFE)}`, 'secret.google_api_key', 2.5),
  positive('a Twilio API key', `SK${token(25, 32, HEX)}`, 'secret.twilio_key', 2),
  positive(
    'a SendGrid key',
    `SG.${token(26, 22, URLSAFE)}.${token(27, 43, URLSAFE)}`,
    'secret.sendgrid_key',
    3,
  ),
  positive('an npm token', `npm_${token(28, 36)}`, 'secret.npm_token', 3),
  positive('a Hugging Face token', `hf_${token(29, 34)}`, 'secret.huggingface_token', 3),
  positive('a Shopify token', `shpat_${token(30, 32, HEX)}`, 'secret.shopify_token', 3),
  positive('a DigitalOcean token', `dop_v1_${token(31, 64, HEX)}`, 'secret.digitalocean_token', 3),
  positive('a JWT', JWT, 'secret.jwt', 2.5),
  positive(
    'an RSA private key',
    `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}-----END RSA PRIVATE KEY-----`,
    'secret.private_key',
    3,
    3,
    (s) => `Here is the key:\n${s}\n`,
  ),
  positive(
    'an OpenSSH private key',
    `-----BEGIN OPENSSH PRIVATE KEY-----\n${PEM_BODY}-----END OPENSSH PRIVATE KEY-----`,
    'secret.private_key',
    3,
  ),
  positive(
    'a password in a database URL',
    'Xk9#mP2vL8qR',
    'secret.url_password',
    2.5,
    2.5,
    (s) => `postgres://admin:${s}@db.prod.internal:5432/app`,
  ),
  positive(
    'a password in a MongoDB SRV URL',
    'S3cr3tPa55w0rdQ',
    'secret.url_password',
    2.5,
    2.5,
    (s) => `mongodb+srv://app:${s}@cluster0.abcde.mongodb.net/prod`,
  ),
  positive(
    'a high-entropy api_key assignment',
    token(32, 32),
    'secret.generic',
    2,
    2.5,
    (s) => `api_key = "${s}"`,
  ),
  positive(
    'a JSON client secret',
    token(33, 40, URLSAFE),
    'secret.generic',
    2,
    2.5,
    (s) => `{"client_id": "web", "client_secret": "${s}"}`,
  ),
  positive(
    'a .env password',
    'Zx8#kP2$mQ9!vL4&',
    'secret.generic',
    2,
    2.5,
    (s) => `DB_HOST=db\nDB_PASSWORD=${s}\n`,
  ),
  positive(
    'a YAML hex secret key',
    token(34, 32, HEX),
    'secret.generic',
    2,
    2.5,
    (s) => `settings:\n  secret_key: ${s}\n`,
  ),
  positive(
    'a camelCase auth token',
    token(35, 28),
    'secret.generic',
    2,
    2.5,
    (s) => `const authToken = '${s}';`,
  ),
  positive(
    'a bearer token',
    `${token(36, 30, URLSAFE)}.${token(37, 20)}`,
    'secret.bearer_token',
    2.5,
    2.5,
    (s) => `Authorization: Bearer ${s}`,
  ),
  positive(
    'basic-auth credentials',
    Buffer.from('deploy:Xk9mP2vL8q').toString('base64'),
    'secret.basic_auth',
    2.5,
    2.5,
    (s) => `Authorization: Basic ${s}`,
  ),
  positive(
    'a hard-coded short password',
    'hunter22',
    'secret.password_literal',
    1,
    1,
    (s) => `password = "${s}"`,
  ),
  positive(
    'a password stated in prose',
    'Tr0ub4dor&3',
    'secret.password_literal',
    1,
    1,
    (s) => `The admin password is ${s}`,
  ),
  positive(
    'a Telegram bot token',
    `7384912056:AA${token(52, 33, URLSAFE)}`,
    'secret.telegram_token',
    2.5,
  ),
  positive(
    'a Mailgun key',
    `key-${token(53, 32, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
    'secret.mailgun_key',
    2.5,
  ),
  positive(
    'an Azure storage account key',
    `${token(54, 86, B64)}==`,
    'secret.generic',
    2.5,
    2.5,
    (s) =>
      `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${s};EndpointSuffix=core.windows.net`,
  ),
];

const BENIGN: { name: string; text: string }[] = [
  {
    name: 'base64 of ordinary prose',
    text: `Encoded: ${Buffer.from('The quick brown fox jumps over the lazy dog again and again').toString('base64')}`,
  },
  { name: 'a masked password after a config keyword', text: 'requirepass "********"' },
  { name: 'a password flag fed from a variable', text: 'mysql --password "$DB_PASSWORD" -h db' },
  {
    name: 'a zero-width space in prose',
    text: 'Hello\u200bworld, the token is valid for an hour.',
  },
  {
    name: 'a quoted button label after the word password',
    text: 'Click Forgot password "Reset" and follow the link.',
  },
  { name: 'a git commit hash', text: 'Fixed in commit 3f786850e387550fdab836ed7e6dc881de23001b.' },
  {
    name: 'git log output',
    text: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3 feat: add login\nda39a3ee5e6b4b0d3255bfef95601890afd80709 fix: typo',
  },
  { name: 'a UUID', text: 'request id 123e4567-e89b-12d3-a456-426614174000' },
  {
    name: 'a SHA-256 digest in docs',
    text: 'sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  },
  {
    name: 'an npm integrity hash',
    text: '"integrity": "sha512-Q1yP7Dq8V4Rk2mW3yJ5hK6xL9zT0bN4cE7fG8hI9jK0lM1nO2pQ3rS4tU5vW6xY7zA8bC9dE0fG=="',
  },
  {
    name: 'an sk- placeholder',
    text: 'Set OPENAI_API_KEY=sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX before running.',
  },
  { name: 'a your-api-key-here placeholder', text: 'OPENAI_API_KEY=your-api-key-here' },
  { name: 'an angle-bracket placeholder', text: 'api_key = "<YOUR_API_KEY>"' },
  { name: 'a shell variable', text: 'export GITHUB_TOKEN=${GITHUB_TOKEN}' },
  { name: 'an environment lookup', text: 'api_key = os.environ["OPENAI_API_KEY"]' },
  { name: 'a process.env lookup', text: 'const password = process.env.DB_PASSWORD;' },
  {
    name: 'a base64 PNG data URI',
    text: `<img src="data:image/png;base64,${token(40, 400, B64)}==">`,
  },
  { name: 'max_tokens and keyboard settings', text: 'max_tokens: 4096\nkeyboard: mechanical' },
  { name: 'a primary key column', text: 'primary_key = "user_id_and_created_at_composite"' },
  {
    name: 'an SSH public key',
    text: `public_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${token(41, 43, B64)} me@laptop`,
  },
  { name: 'a placeholder database URL', text: 'postgres://user:password@localhost:5432/db' },
  {
    name: 'a URL with a user but no password',
    text: 'git clone https://git@github.com/acme/app.git',
  },
  {
    name: 'a public key block',
    text: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----',
  },
  { name: 'a page token', text: `next_page_token: "${token(42, 32)}"` },
  { name: 'an idempotency key', text: 'idempotency_key: 123e4567-e89b-12d3-a456-426614174000' },
  { name: 'a 10-digit order number', text: 'Your order #4829301756 has shipped.' },
  { name: 'a password policy sentence', text: 'The password must be at least 12 characters long.' },
  { name: 'scikit-learn', text: 'pip install scikit-learn && python task-runner.py' },
  { name: 'a masked password', text: 'password: ********' },
  {
    name: 'a bearer placeholder',
    text: 'Send the header "Authorization: Bearer <token>" with every call.',
  },
  { name: 'prose about bearer tokens', text: 'Bearer token authentication is a common scheme.' },
  { name: 'a Stripe publishable key', text: `pk_live_${token(43, 24)}` },
  { name: 'a Twilio account SID', text: `AC${token(44, 32, HEX)}` },
  { name: 'a too-short AKIA string', text: 'AKIA1234567890AB is not a key' },
  { name: 'a token count', text: 'token_count = 12345; tokenizer = "cl100k_base"' },
  { name: 'a sequential fake key', text: 'ghp_1234567890abcdefghijklmnopqrstuvwxyz' },
  {
    name: 'a hashed password',
    text: 'password_hash: $2b$12$KIXQ4sZ8vY0m3fLkq9G1UeY2hZc7WnqJ8pQ6rT3uV5wX7yZ9aB1cD',
  },
  {
    name: 'a Kubernetes secret holding placeholders',
    text: 'kind: Secret\ndata:\n  password: cGFzc3dvcmQ=\n  username: YWRtaW4=',
  },
  { name: 'prose about an invalid token', text: 'The token is invalid, please log in again.' },
  { name: 'the key to success', text: 'The key is to stay consistent.' },
  { name: 'a required password', text: 'The password is required.' },
  { name: 'a secret in a novel', text: 'The secret was revealed in chapter 3.' },
  {
    name: 'a public-key fingerprint',
    text: 'fingerprint: SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
  },
];

describe('secrets_scan', () => {
  it('is classified as a CORE_ANALYSIS critic by its name and fails closed', () => {
    const c = classifyCritic(SECRETS_SCAN);
    expect(c.stage).toBe(Stage.CORE_ANALYSIS);
    expect(c.policy).toBe(Policy.ALWAYS);
    const critic = createSecretsScan();
    expect(critic.failureMode).toBe('closed');
    expect(critic.reads).toEqual(['inputText', 'modelResponse']);
    expect(critic.version).toBe('1');
  });

  it.each<[keyof SecretsScanOptions, number]>([
    ['inputWeight', -1],
    ['inputWeight', 2],
    ['minEntropy', 0],
    ['minLength', 4],
    ['minLength', 16.5],
  ])('rejects %s = %s with a typed error', (field, value) => {
    expect(() => createSecretsScan({ [field]: value })).toThrow(InvalidOptionError);
  });

  it.each(POSITIVES)('flags $name in the model output', ({ text, secret, category, min, max }) => {
    const finding = run('How do I call the API?', text);
    expectValid(finding, 'How do I call the API?', text);
    const hit = finding.violations.find((v) => v.category === category);
    expect(hit, `expected ${category} in ${JSON.stringify(finding.violations)}`).toBeDefined();
    expect(hit?.severity).toBeGreaterThanOrEqual(min);
    expect(hit?.severity).toBeLessThanOrEqual(max);
    const span = hit?.evidence[0];
    expect(span?.source).toBe('output');
    expect(text.slice(span?.start, span?.end)).toBe(secret);
    expect(span?.text).toBe(redact(secret));
  });

  it.each(POSITIVES.filter((p) => p.min >= 2))(
    'grades $name pasted in the input as a concern',
    ({ text, category }) => {
      const finding = run(text, 'I have rotated nothing.');
      expectValid(finding, text, 'I have rotated nothing.');
      const hit = finding.violations.find((v) => v.category === category);
      expect(hit?.evidence[0]?.source).toBe('input');
      expect(hit?.severity).toBe(1);
      expect(finding.violation).toBe(false);
    },
  );

  it.each(BENIGN)('does not flag $name', ({ text }) => {
    const finding = run(text, text);
    expectValid(finding, text, text);
    expect(finding.violations).toEqual([]);
  });

  it.each([
    ['AWS documented example key id', 'AKIAIOSFODNN7EXAMPLE'],
    [
      'AWS documented example secret',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ],
    [
      'the jwt.io example token',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    ],
  ])('reports the %s at low severity at most', (_name, text) => {
    const finding = run('x', text);
    expectValid(finding, 'x', text);
    expect(finding.severity).toBeLessThanOrEqual(0.5);
    expect(finding.value).toBe('pass');
  });

  it('redacts evidence to the first 4 and last 2 characters while pointing at the real offsets', () => {
    const key = `AKIA${token(1, 16, UPPER_ALNUM)}`;
    const text = `The key is ${key}.`;
    const span = run('x', text).violations[0]?.evidence[0];
    expect(span).toEqual({
      source: 'output',
      start: 11,
      end: 31,
      text: `${key.slice(0, 4)}…${key.slice(-2)}`,
    });
  });

  it('never copies a secret into descriptions or details', () => {
    const key = `ghp_${token(4, 36)}`;
    const finding = run(`my token is ${key}`, `Sure, use ${key} in the header.`);
    expect(JSON.stringify(finding)).not.toContain(key);
    expect(finding.details?.['redacted']).toBe(true);
  });

  it('grades a secret the model only echoes from the input at 2', () => {
    const key = `sk_live_${token(17, 24)}`;
    const finding = run(`Why does ${key} fail?`, `The key ${key} is a live key.`);
    const fromOutput = finding.violations.find((v) => v.evidence[0]?.source === 'output');
    expect(fromOutput?.severity).toBe(2);
    expect(fromOutput?.description).toContain('echoed from the input');
  });

  it('lowers a password in a localhost URL', () => {
    const finding = run('x', 'redis://default:Zq8#Lm2vXp9@localhost:6379');
    expect(finding.violations.map((v) => [v.category, v.severity])).toEqual([
      ['secret.url_password', 1.5],
    ]);
  });

  it('reports a private-key header without a body as minor', () => {
    const finding = run(
      'x',
      'A PEM file starts with -----BEGIN PRIVATE KEY----- and a base64 body.',
    );
    expect(finding.violations.map((v) => [v.category, v.severity])).toEqual([
      ['secret.private_key', 1],
    ]);
  });

  it('prefers the specific rule over the generic assignment for the same value', () => {
    const key = `ghp_${token(4, 36)}`;
    const finding = run('x', `GITHUB_TOKEN="${key}"`);
    expect(finding.violations.map((v) => v.category)).toEqual(['secret.github_token']);
  });

  it('measures entropy on the value and recognises placeholders', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy(token(50, 64))).toBeGreaterThan(5);
    expect(isPlaceholder('sk-XXXXXXXXXXXXXXXX')).toBe(true);
    expect(isPlaceholder('your-api-key-here')).toBe(true);
    expect(isPlaceholder(token(51, 32))).toBe(false);
  });

  it('returns a valid finding for every adversarial input, as input and as output', () => {
    for (const { text } of ADVERSARIAL_INPUTS) {
      expectValid(run(text, 'ok'), text, 'ok');
      expectValid(run('ok', text), 'ok', text);
    }
  });
});

describe('base64Tokens', () => {
  const piece = fc.constantFrom('A', 'z', '0', '+', '/', '=', '_', '-', ' ', ':', 'é');
  const text = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.array(piece, { maxLength: 4 })), {
      maxLength: 6,
    })
    .map((parts) =>
      parts.map(([n, tail]) => `${'Zm9v+/a1'.repeat(6).slice(0, n)}${tail.join('')}`).join(''),
    );
  const TOKEN = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{24,4096}={0,2}(?![A-Za-z0-9+/=_-])/g;

  it('finds exactly the standalone tokens the reference regex finds', () => {
    fc.assert(
      fc.property(text, (value) => {
        const expected = [...value.matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length]);
        expect(base64Tokens(value)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('skips a run longer than 4,096 characters and one with three padding characters', () => {
    expect(base64Tokens(`x ${'Ab'.repeat(2049)} y`)).toEqual([]);
    expect(base64Tokens(`x ${'Ab'.repeat(20)}=== y`)).toEqual([]);
    expect(base64Tokens(`x ${'Ab'.repeat(20)}== y`)).toEqual([[2, 44]]);
  });
});
