// The check registry (src/shared/check-registry.ts): titles in both languages, one id per (kind, scope), ids
// mapped back exactly, the method and checklist facts each check decides.
import { describe, expect, it } from 'vitest';
import {
  CHECK_KINDS,
  CHECK_REGISTRY,
  VERIFIED_BY,
  allCheckIds,
  checkId,
  decidesMethod,
  lookupCheckId,
  provesFact,
} from '../../src/shared/check-registry';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('check registry', () => {
  it('gives every kind a Japanese and an English title', () => {
    for (const kind of CHECK_KINDS) {
      const { ja, en } = CHECK_REGISTRY[kind].title;
      expect(ja, kind).toMatch(JAPANESE);
      expect(en.trim(), kind).not.toBe('');
      expect(en, kind).not.toMatch(JAPANESE);
    }
  });

  it('builds one distinct id per kind and scope and maps every id back to it', () => {
    const ids = allCheckIds();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const ref = lookupCheckId(id);
      expect(ref, id).not.toBeNull();
      if (ref) expect(checkId(ref.kind, ref.scope)).toBe(id);
    }
    expect(lookupCheckId('future.check')).toBeNull();
    expect(lookupCheckId('tls.submission')).toBeNull();
  });

  it('keeps the ids saved reports carry', () => {
    expect(checkId('smtp.auth', 'submission')).toBe('auth');
    expect(checkId('envelope.internal', 'submission')).toBe('envelope.internal');
    expect(checkId('envelope.external', 'mx')).toBe('envelope.mx.external');
    expect(checkId('send', 'submission')).toBe('send');
    expect(checkId('send', 'mx')).toBe('send.mx');
    expect(checkId('tls.matrix', 'mx')).toBe('tls.mx.matrix');
    expect(checkId('config', 'direct-send')).toBe('config.direct-send');
    expect(checkId('dns.mx')).toBe('dns.mx');
  });

  it('says which methods a check decides (Direct Send is not decided by its external recipient)', () => {
    expect(decidesMethod('envelope.mx.external', 'relay')).toBe(true);
    expect(decidesMethod('envelope.mx.external', 'direct-send')).toBe(false);
    expect(decidesMethod('envelope.mx.internal', 'direct-send')).toBe(true);
    expect(decidesMethod('relay.egress-ip', 'relay')).toBe(true);
    expect(decidesMethod('relay.egress-ip', 'direct-send')).toBe(false);
    expect(decidesMethod('auth', 'submission')).toBe(true);
    expect(decidesMethod('tls.mx.cert', 'submission')).toBe(false);
    expect(decidesMethod('config.relay', 'relay')).toBe(true);
    expect(decidesMethod('config.relay', 'direct-send')).toBe(false);
    expect(decidesMethod('future.check', 'submission')).toBe(false);
  });

  it('says which checklist facts a check proves', () => {
    expect(provesFact('tls.submission.matrix', VERIFIED_BY.tlsSubmission)).toBe(true);
    expect(provesFact('tls.mx.matrix', VERIFIED_BY.tlsSubmission)).toBe(false);
    expect(provesFact('tcp.mx.v6', VERIFIED_BY.tcpMx)).toBe(true);
    expect(provesFact('send.mx', VERIFIED_BY.send)).toBe(true);
    expect(provesFact('device.submission.auth', VERIFIED_BY.auth)).toBe(false);
    // Every fact a checklist step can ask for is proven by some check.
    for (const proof of Object.values(VERIFIED_BY))
      expect(
        allCheckIds().some((id) => provesFact(id, proof)),
        proof,
      ).toBe(true);
  });
});
