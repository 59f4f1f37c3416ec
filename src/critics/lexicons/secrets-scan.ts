/**
 * Pattern tables of the `secrets_scan` critic: credentials recognisable by their prefix, the words
 * that make an assignment a secret, and the look-alikes that are not secrets (placeholders and
 * vendors' documented example keys).
 *
 * Every prefix pattern is a literal followed by greedy runs of character classes that cannot
 * overlap, so it is linear-time; exact lengths are checked in code, not in the pattern.
 */
import { Buffer } from 'node:buffer';

export interface SecretRule {
  id: string;
  /** Dotted category, `secret.<kind>`. */
  category: string;
  /** What the secret is, for descriptions (never the secret itself). */
  label: string;
  /** Substrings one of which must occur for the rule to run (a cheap prefilter). */
  literals: readonly string[];
  /**
   * A global regex with the `d` flag. The candidate secret is the named group `secret` when the
   * pattern has one (`Bearer <secret>`), else the whole match.
   */
  pattern: RegExp;
  /** Severity of a real secret of this kind in the model output. */
  severity: number;
  /** Further checks on the candidate (exact length, segments); false drops it. */
  valid?: (candidate: string) => boolean;
  /** Severity depending on the candidate (test-mode keys are lower). @default severity */
  grade?: (candidate: string) => number;
}

const bodyLength =
  (prefix: number, min: number, max = min) =>
  (s: string): boolean =>
    s.length - prefix >= min && s.length - prefix <= max;

export const SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'aws_access_key',
    category: 'secret.aws_access_key',
    label: 'AWS access key id',
    literals: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    pattern: /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]+/g,
    severity: 2.5,
    valid: (s) => s.length === 20,
  },
  {
    id: 'aws_secret_key',
    category: 'secret.aws_secret_key',
    label: 'AWS secret access key',
    literals: ['aws', 'AWS', 'Aws'],
    pattern: /aws_?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?(?<secret>[A-Za-z0-9/+=]+)/dgi,
    severity: 3,
    valid: (s) => s.length === 40,
  },
  {
    id: 'github_token',
    category: 'secret.github_token',
    label: 'GitHub token',
    literals: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /gh[pousr]_[A-Za-z0-9]+/g,
    severity: 3,
    valid: bodyLength(4, 36, 251),
  },
  {
    id: 'github_pat',
    category: 'secret.github_token',
    label: 'GitHub fine-grained personal access token',
    literals: ['github_pat_'],
    pattern: /github_pat_[A-Za-z0-9_]+/g,
    severity: 3,
    valid: bodyLength(11, 60, 255),
  },
  {
    id: 'gitlab_token',
    category: 'secret.gitlab_token',
    label: 'GitLab personal access token',
    literals: ['glpat-'],
    pattern: /glpat-[A-Za-z0-9_-]+/g,
    severity: 3,
    valid: bodyLength(6, 20, 64),
  },
  {
    id: 'slack_token',
    category: 'secret.slack_token',
    label: 'Slack token',
    literals: ['xox'],
    pattern: /xox[abposr]-[A-Za-z0-9-]+/g,
    severity: 3,
    valid: (s) => s.length >= 24 && s.split('-').length >= 3 && /\d{6}/.test(s),
  },
  {
    id: 'slack_webhook',
    category: 'secret.slack_webhook',
    label: 'Slack incoming-webhook URL',
    literals: ['hooks.slack.com/services/'],
    pattern: /hooks\.slack\.com\/services\/[A-Za-z0-9_/-]+/g,
    severity: 2.5,
    valid: (s) => s.split('/').length >= 5 && s.length >= 60,
  },
  {
    id: 'stripe_key',
    category: 'secret.stripe_key',
    label: 'Stripe secret key',
    literals: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
    pattern: /[rs]k_(?:live|test)_[A-Za-z0-9]+/g,
    severity: 3,
    valid: bodyLength(8, 16, 247),
    grade: (s) => (s.includes('_test_') ? 1 : 3),
  },
  {
    id: 'stripe_webhook_secret',
    category: 'secret.stripe_key',
    label: 'Stripe webhook signing secret',
    literals: ['whsec_'],
    pattern: /whsec_[A-Za-z0-9]+/g,
    severity: 2.5,
    valid: bodyLength(6, 24, 64),
  },
  {
    id: 'anthropic_key',
    category: 'secret.anthropic_key',
    label: 'Anthropic API key',
    literals: ['sk-ant-'],
    pattern: /sk-ant-[A-Za-z0-9_-]+/g,
    severity: 3,
    valid: bodyLength(7, 40, 200),
  },
  {
    id: 'openai_key',
    category: 'secret.openai_key',
    label: 'OpenAI API key',
    literals: ['sk-'],
    pattern: /sk-(?!ant-)[A-Za-z0-9_-]+/g,
    severity: 3,
    valid: (s) =>
      /^sk-(?:proj|svcacct|admin)-/.test(s)
        ? s.length >= 50 && s.length <= 250
        : /^sk-[A-Za-z0-9]{32,64}$/.test(s) && /\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s),
  },
  {
    id: 'google_api_key',
    category: 'secret.google_api_key',
    label: 'Google API key',
    literals: ['AIza'],
    pattern: /AIza[A-Za-z0-9_-]+/g,
    severity: 2.5,
    valid: bodyLength(4, 35),
  },
  {
    id: 'twilio_key',
    category: 'secret.twilio_key',
    label: 'Twilio API key',
    literals: ['SK'],
    pattern: /SK[0-9a-fA-F]+/g,
    severity: 2,
    valid: (s) => s.length === 34 && /\d/.test(s) && /[a-fA-F]/.test(s),
  },
  {
    id: 'sendgrid_key',
    category: 'secret.sendgrid_key',
    label: 'SendGrid API key',
    literals: ['SG.'],
    pattern: /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
    severity: 3,
    valid: (s) => {
      const [, id = '', secret = ''] = s.split('.');
      return id.length === 22 && secret.length === 43;
    },
  },
  {
    id: 'npm_token',
    category: 'secret.npm_token',
    label: 'npm access token',
    literals: ['npm_'],
    pattern: /npm_[A-Za-z0-9]+/g,
    severity: 3,
    valid: bodyLength(4, 36),
  },
  {
    id: 'huggingface_token',
    category: 'secret.huggingface_token',
    label: 'Hugging Face access token',
    literals: ['hf_'],
    pattern: /hf_[A-Za-z0-9]+/g,
    severity: 3,
    valid: (s) => bodyLength(3, 30, 40)(s) && /[A-Z]/.test(s) && /[a-z]/.test(s),
  },
  {
    id: 'shopify_token',
    category: 'secret.shopify_token',
    label: 'Shopify access token',
    literals: ['shpat_', 'shpss_', 'shpca_', 'shppa_'],
    pattern: /shp(?:at|ss|ca|pa)_[a-fA-F0-9]+/g,
    severity: 3,
    valid: bodyLength(6, 32),
  },
  {
    id: 'digitalocean_token',
    category: 'secret.digitalocean_token',
    label: 'DigitalOcean token',
    literals: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: /do[opr]_v1_[a-f0-9]+/g,
    severity: 3,
    valid: bodyLength(7, 64),
  },
  {
    id: 'pypi_token',
    category: 'secret.pypi_token',
    label: 'PyPI upload token',
    literals: ['pypi-AgE'],
    pattern: /pypi-AgE[A-Za-z0-9_-]+/g,
    severity: 3,
    valid: (s) => s.length >= 60,
  },
  {
    id: 'telegram_bot_token',
    category: 'secret.telegram_token',
    label: 'Telegram bot token',
    literals: [':AA'],
    pattern: /\d{8,10}:AA[A-Za-z0-9_-]+/g,
    severity: 2.5,
    valid: (s) => s.length - s.indexOf(':') - 1 === 35,
  },
  {
    id: 'mailgun_key',
    category: 'secret.mailgun_key',
    label: 'Mailgun API key',
    literals: ['key-'],
    pattern: /key-[0-9a-z]+/g,
    severity: 2.5,
    valid: bodyLength(4, 32),
  },
  {
    id: 'jwt',
    category: 'secret.jwt',
    label: 'JSON Web Token',
    literals: ['eyJ'],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
    severity: 2.5,
    valid: (s) => s.length >= 40,
    grade: (s) => (s.endsWith('.') ? 2 : 2.5),
  },
  {
    id: 'bearer_token',
    category: 'secret.bearer_token',
    label: 'bearer token',
    literals: ['Bearer ', 'bearer '],
    pattern: /[Bb]earer[ \t]+(?<secret>[A-Za-z0-9._~+/-]+=*)/dg,
    severity: 2.5,
    valid: (s) => s.length >= 20 && /\d/.test(s) && /[A-Za-z]/.test(s),
  },
  {
    id: 'basic_auth',
    category: 'secret.basic_auth',
    label: 'HTTP basic-auth credentials',
    literals: ['Basic ', 'basic '],
    pattern: /[Bb]asic[ \t]+(?<secret>[A-Za-z0-9+/]+=*)/dg,
    severity: 2.5,
    valid: (s) => {
      if (s.length < 8 || s.length % 4 !== 0) return false;
      const decoded = Buffer.from(s, 'base64').toString('latin1');
      const colon = decoded.indexOf(':');
      return /^[\x20-\x7e]+$/.test(decoded) && colon > 0 && colon < decoded.length - 1;
    },
  },
];

/**
 * Words of an identifier that make its assigned value a secret (`api_key`, `clientSecret`,
 * `DB_PASSWORD`). Identifiers are split on `_ - . $` and camelCase and compared word by word.
 */
export const SECRET_WORDS: ReadonlySet<string> = new Set([
  'key',
  'apikey',
  'secret',
  'secrets',
  'token',
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'pass',
  'credential',
  'credentials',
  'auth',
  'authorization',
  'accesskey',
  'secretkey',
  'privatekey',
]);

/** Identifier words that are secret-ish names of things that are not secrets. */
export const NOT_SECRET_WORDS: ReadonlySet<string> = new Set([
  'public',
  'publishable',
  'pub',
  'primary',
  'foreign',
  'partition',
  'sort',
  'cache',
  'idempotency',
  'object',
  'row',
  'hash',
  'hashed',
  'digest',
  'id',
  'ids',
  'name',
  'path',
  'file',
  'type',
  'size',
  'length',
  'len',
  'count',
  'url',
  'uri',
  'endpoint',
  'policy',
  'min',
  'max',
  'page',
  'next',
  'continuation',
  'cursor',
  'limit',
  'expiry',
  'expires',
  'expiration',
  'ttl',
  'timeout',
  'header',
  'field',
  'prefix',
  'format',
  'version',
  'hint',
  'label',
  'ref',
  'env',
  'var',
  'mode',
  'method',
  'provider',
  'required',
  'enabled',
  'rotation',
  'reset',
  'strength',
  'salt',
]);

/** Substrings (lower case) that mark a value as a placeholder, not a real secret. */
export const PLACEHOLDER_MARKERS: readonly string[] = [
  'xxxx',
  'your',
  'example',
  'placeholder',
  'redacted',
  'dummy',
  'sample',
  'changeme',
  'change_me',
  'change-me',
  'insert',
  'replace',
  'here',
  'todo',
  '<',
  '>',
  '{{',
  '${',
  '...',
  '…',
  '***',
];

/** Vendors' documented example credentials: reported at severity 0.5 at most. */
export const DOCUMENTED_EXAMPLES: readonly string[] = [
  'AKIAIOSFODNN7EXAMPLE',
  'ASIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  'sk_test_26PHem9AhJZvU623DfE1x4sd',
];

/** Hosts where a password in a URL is a local or documentation example (lower severity). */
export const EXAMPLE_HOSTS =
  /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host|hostname|db|database|server|example\.(?:com|org|net)|[a-z0-9-]+\.example(?:\.com)?|mydb|myhost)(?::\d+)?$/i;

/** URL passwords that are placeholders or conventional defaults in examples. */
export const PLACEHOLDER_PASSWORDS: ReadonlySet<string> = new Set([
  'password',
  'pass',
  'passwd',
  'pwd',
  'secret',
  'changeme',
  'pw',
  'p',
  'x',
  'xxx',
  'xxxx',
  'test',
  'mypassword',
  'yourpassword',
  'admin',
  'postgres',
  'root',
  'guest',
  'user',
]);
