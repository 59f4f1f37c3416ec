/**
 * End to end with the built-in panel: personal data the pii_detector finds never reaches the
 * evidence store in the default (redacted) mode, and the stored record still verifies.
 */
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  deterministicPanel,
  engineConfigFromEnv,
  MemoryEvidenceStore,
} from '../../src/index.js';

describe('redaction with the built-in panel', () => {
  it('keeps the customer’s card, phone and e-mail out of the stored record', async () => {
    const config = engineConfigFromEnv({});
    const store = new MemoryEvidenceStore();
    const engine = createEngine({ config, critics: deterministicPanel(config), store });
    const secrets = ['4539 1488 0343 6467', '+44 20 7946 0958', 'maria.keller@example.com'];
    const result = await engine.evaluate({
      input: 'What is the customer on file?',
      output: `The customer is Maria Keller, phone ${secrets[1]!}, card ${secrets[0]!}, e-mail ${secrets[2]!}.`,
      context: { riskTier: 'high' },
    });
    expect(result.critics['pii_detector']?.status).toBe('success');
    const record = await store.get(result.traceId);
    expect(record?.request.maskedSpans).toBeGreaterThanOrEqual(3);
    const stored = JSON.stringify(record);
    for (const secret of secrets) expect(stored).not.toContain(secret);
    expect(stored).not.toContain('Maria Keller');
    expect(await store.verify()).toEqual({ ok: true, checked: 1 });
    await engine.close();
  });
});
