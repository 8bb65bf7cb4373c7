import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import { checkEventText, checkEventTime, checkEvidenceUrl } from './validate.ts';

describe('event validation', () => {
  it('refuses over-long text with a message naming the field and the limit', () => {
    expect(checkEventText('what', 'x'.repeat(LIMITS.eventWhat))).toBeNull();
    expect(checkEventText('what', 'x'.repeat(LIMITS.eventWhat + 1))).toMatch(/What happened.*500/);
    expect(checkEventText('known', 'x'.repeat(LIMITS.eventKnown + 1))).toMatch(/What we knew/);
  });

  it('accepts only empty or http(s) evidence links', () => {
    expect(checkEvidenceUrl('')).toBeNull();
    expect(checkEvidenceUrl('https://grafana.example/d/abc?from=1')).toBeNull();
    expect(checkEvidenceUrl('javascript:alert(1)')).toMatch(/https/);
    expect(checkEvidenceUrl('not a url')).toMatch(/full web address/);
    expect(checkEvidenceUrl(`https://x.example/${'a'.repeat(LIMITS.evidenceUrl)}`)).toMatch(/limited/);
  });

  it('requires a parseable time', () => {
    expect(checkEventTime('2026-11-01T14:02:00.000Z')).toBeNull();
    expect(checkEventTime('')).not.toBeNull();
    expect(checkEventTime('yesterday-ish')).not.toBeNull();
  });
});
