// A predicted finding (capture: what Exchange Online would do with what the device sent) reads as 注意 (warning),
// never as 失敗: nothing has failed against Microsoft 365 yet.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingsByStage } from '../../../src/renderer/src/features/diagnose/FindingsByStage';
import { collectFindings } from '../../../src/renderer/src/lib/findings';
import type { Diagnosis } from '../../../src/shared/model';

afterEach(cleanup);

const d = (predicted: boolean): Diagnosis => ({
  version: '0.1.0',
  method: 'submission',
  target: { method: 'submission', to: [], connectTo: [] },
  device: null,
  startedAt: new Date(0).toISOString(),
  durationMs: 1,
  verdict: 'fail',
  egressIp: null,
  recommendation: null,
  checks: [
    {
      id: 'capture.auth',
      title: 'AUTH',
      status: 'fail',
      startedAt: 0,
      durationMs: 1,
      findings: [{ code: 'TLS_VERSION_UNSUPPORTED', predicted }],
      details: {},
    },
  ],
  transcript: [],
});

describe('predicted findings', () => {
  it('show the warning badge; observed ones the failed badge', () => {
    const { container, unmount } = render(<FindingsByStage findings={collectFindings(d(true), 'ja')} />);
    expect(
      container
        .querySelector('[data-code="TLS_VERSION_UNSUPPORTED"] [data-status]')
        ?.getAttribute('data-status'),
    ).toBe('warning');
    unmount();
    const observed = render(<FindingsByStage findings={collectFindings(d(false), 'ja')} />);
    expect(
      observed.container
        .querySelector('[data-code="TLS_VERSION_UNSUPPORTED"] [data-status]')
        ?.getAttribute('data-status'),
    ).toBe('error');
  });
});
