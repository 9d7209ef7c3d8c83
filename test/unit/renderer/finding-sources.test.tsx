// A finding shows where its knowledge comes from ("根拠資料（出典） / Source", with the day it was read), and a
// family from a code-less device text shows its likely causes and the next check instead of one confident cause.
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../../src/renderer/src/i18n';
import { FindingsByStage } from '../../../src/renderer/src/features/diagnose/FindingsByStage';
import type { ShownFinding } from '../../../src/renderer/src/lib/findings';
import { catalogEntry, renderFinding } from '../../../src/shared/findings/catalog';
import { classifyText } from '../../../src/shared/findings/classify-text';
import type { Lang } from '../../../src/shared/model';

function shown(text: string, lang: Lang): ShownFinding {
  const ref = classifyText(text)[0];
  if (!ref) throw new Error(`no finding for ${text}`);
  return { ...renderFinding(ref, lang), actors: [...catalogEntry(ref.code).actors], checks: ['explain'] };
}

afterEach(cleanup);

describe('finding card: sources and families', () => {
  it('shows the source beside a coded finding, in Japanese and English', async () => {
    await i18n.changeLanguage('ja');
    const ja = render(
      <FindingsByStage
        findings={[
          shown(
            '550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources',
            'ja',
          ),
        ]}
      />,
    );
    const card = ja.container.querySelector('[data-code="DIRECT_SEND_REJECTED"]') as HTMLElement;
    expect(within(card).getByText('根拠資料（出典）')).toBeTruthy();
    expect(card.textContent).toContain(
      'https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/set-organizationconfig',
    );
    expect(card.textContent).toContain('2026-12-02 確認');
    expect(card.querySelector('.family-candidates')).toBeNull();
    ja.unmount();
    await i18n.changeLanguage('en');
    const en = render(<FindingsByStage findings={[shown('452 4.5.3 Too many recipients', 'en')]} />);
    const enCard = en.container.querySelector('[data-code="TOO_MANY_RECIPIENTS"]') as HTMLElement;
    expect(within(enCard).getByText('Source')).toBeTruthy();
    expect(enCard.textContent).toContain('read 2026-12-02');
  });

  it('a code-less device text shows the family, its ranked likely causes and the next check', async () => {
    await i18n.changeLanguage('ja');
    const { container } = render(
      <FindingsByStage findings={[shown('SMTPサーバーに接続できません', 'ja')]} />,
    );
    const card = container.querySelector('[data-code="CANNOT_CONNECT"]') as HTMLElement;
    const candidates = [...card.querySelectorAll('.family-candidates li')].map((li) =>
      li.getAttribute('data-candidate'),
    );
    expect(candidates.slice(0, 2)).toEqual(['TCP_TIMEOUT', 'DNS_NAME_NOT_FOUND']);
    expect(within(card).getByText('次に行う確認')).toBeTruthy();
    expect(card.querySelector('.next-check')?.textContent).toContain('diagnose --host');
    expect(card.textContent).toContain('原因は未確定');
  });
});
