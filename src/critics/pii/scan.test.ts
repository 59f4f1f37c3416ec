import { describe, expect, it } from 'vitest';
import { scanPii } from './scan.js';

describe('scanPii', () => {
  it('reports each stretch of text as one kind, most specific first', () => {
    const text = 'Mail 4155550134@txt.att.net or card 4539 1488 0343 6467 or IP 84.23.11.9';
    const { hits } = scanPii(text, false);
    expect(hits.map((h) => [h.kind, h.text])).toEqual([
      ['email', '4155550134@txt.att.net'],
      ['payment_card', '4539 1488 0343 6467'],
      ['ip_address', '84.23.11.9'],
    ]);
  });

  it('returns hits in text order with exact spans', () => {
    const text = 'Dr. Ann Lee, 415-555-0134, ann.lee@gmail.com';
    const { hits } = scanPii(text, { limit: 20_000, budget: 800 });
    expect(hits.map((h) => h.kind)).toEqual(['person_name', 'phone', 'email']);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.text);
  });

  it('skips names when asked', () => {
    const scan = scanPii('Dr. Ann Lee', false);
    expect(scan).toEqual({ hits: [], namesScanned: false, namesTruncated: false });
  });
});
