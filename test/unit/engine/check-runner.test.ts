import { describe, expect, it } from 'vitest';
import { HostLimiter, stepRunner } from '../../../src/main/engine/checks/check-runner';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('HostLimiter', () => {
  it('holds each host to its limit, hosts independent, FIFO', async () => {
    const lim = new HostLimiter(3);
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    const order: number[] = [];
    const task = (host: string, i: number) =>
      lim.run(host, async () => {
        active.set(host, (active.get(host) ?? 0) + 1);
        peak.set(host, Math.max(peak.get(host) ?? 0, active.get(host) ?? 0));
        await tick(5);
        if (host === 'a') order.push(i);
        active.set(host, (active.get(host) ?? 1) - 1);
      });
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => task('a', i)),
      ...Array.from({ length: 5 }, (_, i) => task('B', i)),
    ]);
    expect(peak.get('a')).toBe(3);
    expect(peak.get('B')).toBe(3);
    expect(order.slice(0, 3).sort()).toEqual([0, 1, 2]);
  });

  it('sign-ins are bounded per mailbox (3) whatever the host allows; anonymous connections only per host', async () => {
    const lim = new HostLimiter(8, Number.POSITIVE_INFINITY, 3);
    let signIns = 0;
    let peakSignIns = 0;
    let all = 0;
    let peakAll = 0;
    const task = (mailbox?: string) =>
      lim.run(
        'smtp.example',
        async () => {
          all++;
          peakAll = Math.max(peakAll, all);
          if (mailbox) peakSignIns = Math.max(peakSignIns, ++signIns);
          await tick(5);
          if (mailbox) signIns--;
          all--;
        },
        mailbox,
      );
    await Promise.all([
      ...Array.from({ length: 6 }, () => task('Scanner@contoso.example')),
      ...Array.from({ length: 6 }, () => task('scanner@CONTOSO.example')),
      ...Array.from({ length: 10 }, () => task()),
    ]);
    expect(peakSignIns).toBe(3);
    expect(peakAll).toBe(8);
  });

  it('a global limit of 1 runs everything one after another, even DNS (host null)', async () => {
    const lim = new HostLimiter(3, 1);
    let active = 0;
    let peak = 0;
    const task = (host: string | null) =>
      lim.run(host, async () => {
        peak = Math.max(peak, ++active);
        await tick(2);
        active--;
      });
    await Promise.all([task('a'), task('b'), task(null), task('a')]);
    expect(peak).toBe(1);
  });

  it('stepRunner: sequential mode never overlaps steps', async () => {
    const spans: [number, number][] = [];
    const step = () => async () => {
      const s = performance.now();
      await tick(5);
      spans.push([s, performance.now()]);
    };
    await stepRunner(true)([step(), step(), step()]);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]?.[0]).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0);
  });
});
