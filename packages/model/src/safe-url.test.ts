import { describe, expect, it } from 'vitest';
import { checkEvidenceUrl } from './board/validate.ts';
import { httpUrl, isHttpUrl } from './safe-url.ts';

describe('http(s) links', () => {
  it('accepts absolute http and https URLs, in their parsed form', () => {
    expect(httpUrl('https://tracker.example/T-1')).toBe('https://tracker.example/T-1');
    expect(httpUrl('HTTP://Tracker.Example')).toBe('http://tracker.example/');
    // Line breaks and tabs never survive into the address that is written out; other controls are encoded.
    expect(httpUrl('https://t.example/a\r\nb\tc')).toBe('https://t.example/abc');
    expect(httpUrl('https://t.example/\u0000\u2028')).toBe('https://t.example/%00%E2%80%A8');
  });

  it('refuses every other scheme, relative and malformed addresses', () => {
    for (const value of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>x</script>',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example/x',
      '/relative',
      'https://',
      'not a link',
      '',
    ]) {
      expect(isHttpUrl(value), value).toBe(false);
    }
  });

  it('is the check evidence links use too', () => {
    expect(checkEvidenceUrl('javascript:alert(1)')).not.toBeNull();
    expect(checkEvidenceUrl('https://grafana.example/d/1')).toBeNull();
  });
});
