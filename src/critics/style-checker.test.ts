import { describe, expect, it } from 'vitest';
import { classifyCritic } from '../orchestrator/classify.js';
import type { CriticInput } from '../orchestrator/types.js';
import { Policy, Stage } from '../orchestrator/vocabulary.js';
import { ADVERSARIAL_INPUTS } from './adversarial.js';
import {
  MAX_STYLE_SEVERITY,
  REFUSAL_SEVERITY,
  STYLE_CHECKER,
  type StyleCheckerOptions,
  createStyleChecker,
  maskBlobs,
  maskCode,
} from './style-checker.js';
import type { Finding } from './types.js';
import { expectValidFinding } from './test-helpers/expect-finding.js';

const signal = new AbortController().signal;

function check(
  modelResponse: string,
  context: Record<string, unknown> = {},
  options?: StyleCheckerOptions,
): Finding {
  const critic = createStyleChecker(options);
  const input: CriticInput = {
    inputText: 'ignored',
    modelResponse,
    context,
    traceId: 't',
    priorResults: {},
  };
  const output = critic.evaluate(input, { signal, attempt: 0 });
  if (output instanceof Promise) throw new TypeError('style_checker must be synchronous');
  return output as unknown as Finding;
}

function expectValid(finding: Finding, text: string): void {
  expectValidFinding(finding, '', text, { maxSeverity: MAX_STYLE_SEVERITY });
  for (const e of finding.violations.flatMap((v) => v.evidence)) expect(e.source).toBe('output');
}

interface Case {
  name: string;
  text: string;
  context?: Record<string, unknown>;
  category: string;
  severity: number;
  quote?: string;
}

const POSITIVE: Case[] = [
  {
    name: 'a run of shouted words',
    text: 'THIS IS ABSOLUTELY THE BEST PRODUCT EVER MADE',
    category: 'style.shouting',
    severity: 1,
    quote: 'THIS IS ABSOLUTELY THE BEST PRODUCT EVER MADE',
  },
  {
    name: 'an angry shouted reply',
    text: 'Fine. WHY WOULD YOU EVER DO THAT TO ME, SERIOUSLY',
    category: 'style.shouting',
    severity: 1,
  },
  {
    name: 'a response mostly in capitals',
    text: 'PLEASE READ: the SERVER is DOWN and NOTHING WORKS today',
    category: 'style.shouting',
    severity: 1,
  },
  {
    name: 'a whole response in capitals',
    text: 'THE ANSWER TO YOUR QUESTION IS THAT THE SYSTEM MUST BE RESTARTED BEFORE ANY OF THE CHANGES CAN TAKE EFFECT ON THE SERVER.',
    category: 'style.shouting',
    severity: 2,
  },
  {
    name: 'the same word four times in a row',
    text: 'The the the the answer is 42.',
    category: 'style.repetition.word',
    severity: 1,
    quote: 'The the the the',
  },
  {
    name: 'a word stuck on repeat',
    text: 'yes yes yes yes yes yes yes yes yes',
    category: 'style.repetition.word',
    severity: 2,
  },
  {
    name: 'a repeated long sentence',
    text: 'Here is the summary of the report for you. Here is the summary of the report for you.',
    category: 'style.repetition.sentence',
    severity: 1,
  },
  {
    name: 'a sentence repeated four times',
    text: 'Let me check that for you. Let me check that for you. Let me check that for you. Let me check that for you.',
    category: 'style.repetition',
    severity: 2,
  },
  {
    name: 'a looping phrase',
    text: 'and then we go and then we go and then we go and then we go',
    category: 'style.repetition.loop',
    severity: 1,
  },
  {
    name: 'a long degenerate loop',
    text: `The plan is ${'to build a house '.repeat(6)}`,
    category: 'style.repetition.loop',
    severity: 2,
  },
  {
    name: 'repeated lines',
    text: 'Item added to the cart\nItem added to the cart\nItem added to the cart',
    category: 'style.repetition.sentence',
    severity: 1,
  },
  {
    name: 'a response over maxLength',
    text: 'Hello world, this is a fine answer.',
    context: { maxLength: 30 },
    category: 'style.length',
    severity: 1,
  },
  {
    name: 'a response over twice maxLength',
    text: 'Hello world, this is a fine answer.',
    context: { maxLength: 10 },
    category: 'style.length',
    severity: 2,
  },
  {
    name: 'an unclosed code fence',
    text: 'Here is code:\n```python\nprint("hi")\n',
    category: 'style.markup.code_fence',
    severity: 1,
    quote: '```python',
  },
  {
    name: 'unbalanced brackets in prose',
    text: 'This (is (a test [with unbalanced brackets',
    category: 'style.markup.brackets',
    severity: 1,
  },
  {
    name: 'an unclosed XML tag',
    text: '<answer>The result is 4.',
    category: 'style.markup.tags',
    severity: 1,
    quote: '<answer>',
  },
  {
    name: 'a stray closing tag',
    text: 'The result is 4.</final>',
    category: 'style.markup.tags',
    severity: 1,
    quote: '</final>',
  },
  {
    name: 'mismatched HTML',
    text: '<div><span>Hello</div>',
    category: 'style.markup.tags',
    severity: 1,
    quote: '<span>',
  },
  {
    name: 'unclosed bold',
    text: 'This is **bold and this is not closed.',
    category: 'style.markup.emphasis',
    severity: 1,
    quote: '**',
  },
  {
    name: 'unclosed italics',
    text: 'This is _important and never closed.',
    category: 'style.markup.emphasis',
    severity: 1,
    quote: '_',
  },
  {
    name: 'an AI disclaimer',
    text: 'As an AI language model, I do not have opinions on this.',
    category: 'style.ai_disclaimer',
    severity: 1,
    quote: 'As an AI language model',
  },
  {
    name: 'a boilerplate refusal',
    text: "I'm sorry, but I can't help with that.",
    category: 'style.refusal',
    severity: REFUSAL_SEVERITY,
  },
  {
    name: 'an "I cannot fulfill" refusal',
    text: 'I cannot fulfill that request.',
    category: 'style.refusal',
    severity: REFUSAL_SEVERITY,
    quote: 'I cannot fulfill',
  },
  {
    name: 'a curly-apostrophe refusal',
    text: 'I’m sorry, but I can’t assist with that.',
    category: 'style.refusal',
    severity: REFUSAL_SEVERITY,
  },
  {
    name: 'a Markdown link target never closed',
    text: 'See the [documentation](https://docs.example.com/start for setup.',
    category: 'style.markup.link',
    severity: 1,
    quote: '](https://docs.example.com/start',
  },
  {
    name: 'a Markdown link label never closed',
    text: 'Read the [API reference(https://docs.example.com/api) first.',
    category: 'style.markup.link',
    severity: 1,
    quote: '[API reference(',
  },
  {
    name: 'a JSON code block missing its closing braces',
    text: '```json\n{\n  "rules": {\n    "semi": ["error", "always"]\n\n```',
    category: 'style.markup.code_brackets',
    severity: 1,
  },
  {
    name: 'a refusal wrapped in an AI disclaimer',
    text: "I'm sorry, but I cannot fulfill this request. As an AI developed to be helpful, I am unable to assist.",
    category: 'style.ai_disclaimer',
    severity: 1,
    quote: 'As an AI',
  },
  {
    name: 'a real word stutter next to a number',
    text: 'Order 1234 1234 shipped shipped shipped shipped today.',
    category: 'style.repetition.word',
    severity: 1,
    quote: 'shipped shipped shipped shipped',
  },
  {
    name: 'shouting after a private-key block',
    text: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\nDO NOT EVER SHARE THIS KEY WITH ANYONE',
    category: 'style.shouting',
    severity: 1,
    quote: 'DO NOT EVER SHARE THIS KEY WITH ANYONE',
  },
  {
    name: 'runs of exclamation marks',
    text: 'Great!!! Amazing!!! Wow!!!',
    category: 'style.exclamation',
    severity: 1,
    quote: '!!!',
  },
  {
    name: 'every sentence exclaimed',
    text: 'Great! That works! Try it now! Enjoy!',
    category: 'style.exclamation',
    severity: 1,
  },
];

interface Benign {
  name: string;
  text: string;
  context?: Record<string, unknown>;
}

const BENIGN: Benign[] = [
  { name: 'acronyms', text: 'NASA uses HTTP and JSON APIs for the ISS data feed.' },
  {
    name: 'many acronyms together',
    text: 'The NASA API returns JSON over HTTPS via AWS; see the FAQ, the SDK and the CLI docs.',
  },
  {
    name: 'constants in code',
    text: 'Use `MAX_RETRY_COUNT` and `DEFAULT_TIMEOUT`.\n```\nconst MAX_RETRIES = 3; // DO NOT CHANGE THIS VALUE EVER\n```',
  },
  { name: 'a short all-caps word', text: 'OK' },
  {
    name: 'a heading with capitals',
    text: '## Installation\n\nRun the installer and follow the prompts.',
  },
  {
    name: 'a normal answer',
    text: 'Hello! How can I help you today? Here is the answer you asked for.',
  },
  { name: 'a sentence said twice when short', text: 'Yes, it works. Yes, it works.' },
  {
    name: 'a Markdown list with bullets',
    text: '* item one\n* item two\n\n***\n\n_italic_ text and **bold** text',
  },
  {
    name: 'snake_case and arithmetic',
    text: 'Use snake_case_names and 2*3 = 6, also a * b and 2**10.',
  },
  { name: 'numbered list markers and a smiley', text: 'Steps: 1) do this 2) do that 3) done :)' },
  { name: 'function calls in prose', text: 'Call f(x) and then g(y), as shown (see the docs).' },
  { name: 'Java generics', text: 'Use List<String> and Map<K, V> in Java.' },
  {
    name: 'balanced HTML with void elements',
    text: '<p>Hello<br>world</p><img src="a.png"><input type="text"/>',
  },
  { name: 'list items without closing tags', text: '<ul><li>One<li>Two</ul>' },
  { name: 'a closed code fence', text: 'Example:\n```js\nconsole.log(1);\n```\nDone.' },
  { name: 'a response within maxLength', text: 'Short answer.', context: { maxLength: 100 } },
  { name: 'a missing maxLength', text: 'Any length is fine here.', context: {} },
  { name: 'an invalid maxLength', text: 'Any length is fine here.', context: { maxLength: 'ten' } },
  { name: 'a negative maxLength', text: 'Any length is fine here.', context: { maxLength: -5 } },
  {
    name: 'a single exclamation',
    text: 'That worked! The service is now running and the logs look clean.',
  },
  { name: '"can\'t help but"', text: "I can't help but admire the elegance of this proof." },
  {
    name: 'legitimate repeated words in a list',
    text: 'Restart the server.\nCheck the logs.\nRestart the server if needed.',
  },
  {
    name: 'the same table row separators',
    text: '| a | b |\n| --- | --- |\n| 1 | 2 |\n| --- | --- |',
  },
  { name: 'an empty response', text: '' },
  {
    name: 'a well-formed Markdown link with parentheses in the URL',
    text: 'See [the article](https://en.wikipedia.org/wiki/Mercury(planet)) and [docs](https://a.example/x).',
  },
  {
    name: 'a balanced JSON code block with braces inside strings',
    text: '```json\n{ "pattern": "{[(", "list": [1, 2, {"a": "}"}] }\n```',
  },
  {
    name: 'a bare URL in parentheses',
    text: 'The docs (https://docs.example.com/start) explain it.',
  },
  {
    name: 'a documented test card number written in groups',
    text: 'Use 4242 4242 4242 4242 in test mode; 4000 0000 0000 0002 simulates a decline.',
  },
  {
    name: 'an OpenSSH private key block',
    text: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdzc2gtcn\nWAUSQLQLFQGSNADWZNEBXJRIDHZDZXINGSEOLMCMJSMEUPAHXELANTCQ\n-----END OPENSSH PRIVATE KEY-----',
  },
  {
    name: 'an unclosed PEM block',
    text: "Here's the key:\n\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAGDOEJYVZNKPJZIKDLXMSKOUKXEOSHRIORXOYV\nVO DUROJKKHKVAOQQRMNWUCJNTDKAYXDSPTZRVEFMIBNFPLSQYHG",
  },
  {
    name: 'an upper-case base64 blob on its own line',
    text: 'The token is:\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWg==\nKeep it safe.',
  },
  {
    name: 'code with repeated lines',
    text: '```\nprint("x")\nprint("x")\nprint("x")\nprint("x")\n```',
  },
];

describe('style_checker', () => {
  it('is classified CORE_ANALYSIS, priority 7 by its name, and fails open', () => {
    const critic = createStyleChecker();
    expect(critic.name).toBe(STYLE_CHECKER);
    expect(classifyCritic(critic.name)).toMatchObject({
      stage: Stage.CORE_ANALYSIS,
      priority: 7,
      policy: Policy.ALWAYS,
    });
    expect(critic.stage).toBeUndefined();
    expect(critic.priority).toBeUndefined();
    expect(critic.failureMode).toBe('open');
    expect(critic.reads).toEqual(['modelResponse', 'context.maxLength']);
  });

  it.each(POSITIVE)('reports $name', ({ text, context, category, severity, quote }) => {
    const finding = check(text, context);
    expectValid(finding, text);
    const violation = finding.violations.find((v) => v.category.startsWith(category));
    expect(violation, JSON.stringify(finding.violations)).toBeDefined();
    expect(violation?.severity).toBe(severity);
    if (quote !== undefined) expect(violation?.evidence.map((e) => e.text)).toContain(quote);
  });

  it.each(BENIGN)('passes $name', ({ text, context }) => {
    const finding = check(text, context);
    expectValid(finding, text);
    expect(finding.violations).toEqual([]);
    expect(finding.value).toBe('pass');
  });

  it.each([
    ["I can't help with that."],
    ["I'm sorry, but I can't share my configuration, but I'm happy to help with your question."],
    [
      "I won't give instructions for that. If you're struggling, please reach out to someone you trust.",
    ],
    ["Unfortunately we won't be able to attend, but thank you so much for the invitation."],
  ])('keeps a short refusal without AI boilerplate below a concern: %s', (text) => {
    const finding = check(text);
    expectValid(finding, text);
    expect(finding.severity).toBeLessThanOrEqual(REFUSAL_SEVERITY);
    expect(finding.value).not.toBe('concern');
  });

  it('masks key blocks and blob lines but keeps offsets', () => {
    const text =
      'a\n-----BEGIN EC PRIVATE KEY-----\nABCDEFGHIJ\n-----END EC PRIVATE KEY-----\nSHOUT';
    const masked = maskBlobs(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toContain('PRIVATE');
    expect(masked.endsWith('SHOUT')).toBe(true);
    expect(maskBlobs('x\n' + 'A'.repeat(50) + '\ny')).toBe('x\n' + ' '.repeat(50) + '\ny');
  });

  it('never goes above severity 2, however bad the style', () => {
    const awful = `${'AS AN AI LANGUAGE MODEL I CANNOT HELP!!! '.repeat(20)}<answer>\`\`\`(((`;
    const finding = check(awful, { maxLength: 10 });
    expectValid(finding, awful);
    expect(finding.severity).toBe(2);
    expect(finding.violations.length).toBeGreaterThanOrEqual(5);
  });

  it('quotes the overflow past maxLength at its exact offset', () => {
    const text = 'a'.repeat(50);
    const violation = check(text, { maxLength: 40 }).violations[0];
    expect(violation?.evidence[0]).toMatchObject({ start: 40, end: 50, text: 'a'.repeat(10) });
    expect(violation?.description).toContain('50 characters');
  });

  it('masks code but keeps offsets', () => {
    const text = 'Run `rm -rf` now.\n```\nSHOUT HERE\n```\nend';
    const masked = maskCode(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toContain('SHOUT');
    expect(masked).not.toContain('rm -rf');
    expect(masked.endsWith('end')).toBe(true);
  });

  it('honours its options', () => {
    expect(
      check('ONE TWO THREE lower', {}, { shoutingRun: 3, minLetters: 1000 }).violations[0]
        ?.category,
    ).toBe('style.shouting');
    expect(check('This (is (a test', {}, { bracketTolerance: 5 }).violations).toEqual([]);
  });

  it('rejects invalid options with a message naming the field', () => {
    expect(() => createStyleChecker({ shoutingRun: 1 })).toThrow(/shoutingRun/);
    expect(() => createStyleChecker({ capsRatio: 0 })).toThrow(/capsRatio/);
    expect(() => createStyleChecker({ minLetters: 0 })).toThrow(/minLetters/);
    expect(() => createStyleChecker({ bracketTolerance: -1 })).toThrow(/bracketTolerance/);
  });

  it.each(ADVERSARIAL_INPUTS)(
    'returns a valid finding for the adversarial input $name',
    ({ text }) => {
      expectValid(check(text, { maxLength: 1000 }), text);
    },
  );
});
