import { describe, expect, it } from 'vitest';
import { checkTitle } from '../../src/shared/check-titles';

// Every check id the engine produces (src/main/engine/plans/: plans.ts, plan-endpoint.ts, plan-tenant.ts).
const IDS = [
  'config.submission', 'dns.mx', 'dns.spf', 'dns.submission.a', 'dns.mx.a', 'tcp.submission.v4', 'tcp.submission.v6', 'tcp.mx.v4',
  'smtp.submission.banner', 'smtp.mx.ehlo', 'smtp.submission.starttls', 'tls.submission.matrix', 'tls.mx.cert', 'tls.submission.device',
  'device.submission.auth', 'auth', 'envelope.internal', 'envelope.external', 'envelope.mx.internal', 'envelope.mx.external', 'send',
  'send.mx', 'relay.egress-ip',
];

describe('checkTitle', () => {
  it('gives every engine check a Japanese title of its own, and keeps the English one', () => {
    for (const id of IDS) {
      const title = 'English title for ' + id;
      const ja = checkTitle({ id, title }, 'ja');
      expect(ja, id).not.toBe(title);
      expect(ja, id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(checkTitle({ id, title }, 'en')).toBe(title);
    }
  });

  it('names the endpoint so the MX and submission rows can be told apart', () => {
    expect(checkTitle({ id: 'tcp.mx.v4', title: '' }, 'ja')).toContain('(MX)');
    expect(checkTitle({ id: 'tcp.submission.v4', title: '' }, 'ja')).toContain('(SMTP クライアント送信)');
  });

  it('falls back to the engine title for an id it does not know', () => {
    expect(checkTitle({ id: 'future.check', title: 'Future check' }, 'ja')).toBe('Future check');
  });
});
