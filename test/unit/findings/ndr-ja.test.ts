// Japanese (and English) NDR forms (issue 11): the wrapper is recognised in either language, the nested reply decides,
// a wrapper without its reply line gets no cause, and the IPv6 refusals of the NDR table (5.7.510, 5.2.1 "does not
// accept email over IPv6", 5.7.508) have their own findings. Sources: src/shared/findings/ndr-wrapper.ts and
// catalog-sources.ts.
import { describe, expect, it } from 'vitest';
import { renderFinding } from '../../../src/shared/findings/catalog';
import { classifyText } from '../../../src/shared/findings/classify';
import { NDR_NEXT_STEP, looksLikeNdr } from '../../../src/shared/findings/ndr-wrapper';

const JA_NDR = [
  'メッセージを配信できませんでした',
  'partner@fabrikam.example へのメッセージを配信できませんでした。',
  '診断情報 (管理者用)',
  '生成元サーバー: TYCP286MB1234.JPNP286.PROD.OUTLOOK.COM',
  "リモート サーバーから返された内容: '554 5.7.1 <TYCP286MB1234.JPNP286.PROD.OUTLOOK.COM #5.7.1 smtp;550 5.7.510 Access denied, [fabrikam.example] does not accept email over IPv6>'",
].join('\n');

describe('Japanese NDR forms', () => {
  it('the nested reply of a Japanese NDR decides, whatever the headings around it', () => {
    const f = classifyText(JA_NDR);
    expect(f[0]?.code).toBe('IPV6_NOT_ACCEPTED');
    expect(f[0]?.params?.enhanced).toBe('5.7.510');
    const outlook = classifyText(
      "一部またはすべての受信者にメッセージが届きませんでした。\n診断情報 (管理者用):\n生成元サーバー: OS3P286MB0001.JPNP286.PROD.OUTLOOK.COM\nリモート サーバーから返された内容 '554 5.7.1 <OS3P286MB0001 #5.7.1 smtp;550 5.7.606 Access denied, banned sending IP [203.0.113.7]>'",
    );
    expect(outlook[0]?.code).toBe('IP_BLOCKLISTED');
  });

  it('an NDR wrapper without its reply is recognised as an NDR but given no cause', () => {
    for (const t of [
      'メッセージを配信できませんでした',
      '一部またはすべての受信者にメッセージが届きませんでした。',
      '診断情報（管理者用）',
      '生成元サーバー: TYCP286MB1234.JPNP286.PROD.OUTLOOK.COM',
      "Your message couldn't be delivered",
      'Delivery has failed to these recipients or groups:',
    ]) {
      expect(looksLikeNdr(t), t).toBe(true);
      expect(classifyText(t), t).toEqual([]);
    }
    expect(looksLikeNdr('Authentication unsuccessful')).toBe(false);
    expect(looksLikeNdr('SMTPサーバーに接続できません')).toBe(false);
    expect(NDR_NEXT_STEP.ja).toContain('リモート サーバーから返された内容');
    expect(NDR_NEXT_STEP.en).toContain('Remote Server returned');
  });
});

describe('IPv6 refusals from the NDR table', () => {
  it.each([
    ['550 5.7.510 Access denied, [contoso.com] does not accept email over IPv6', 'IPV6_NOT_ACCEPTED'],
    ['550 5.2.1 Service unavailable, [contoso.com] does not accept email over IPv6.', 'IPV6_NOT_ACCEPTED'],
    ['550 5.7.510 Access denied', 'IPV6_NOT_ACCEPTED'],
    [
      '550 5.7.508 Access denied, [2001:db8::1] has exceeded permitted limits within 2001:db8::/64 range',
      'IPV6_RANGE_LIMIT',
    ],
    [
      '550 5.7.25 Access denied, the sending IPv6 address [2001:db8::25] must have a reverse DNS record',
      'IPV6_NO_REVERSE_DNS',
    ],
  ])('%s → %s', (text, code) => {
    expect(classifyText(text)[0]?.code).toBe(code);
  });

  it('a plain 5.2.1 without the IPv6 text is not an IPv6 refusal', () => {
    expect(classifyText('550 5.2.1 Mailbox disabled')[0]?.code).not.toBe('IPV6_NOT_ACCEPTED');
  });

  it('renders in both languages with the reply and sources', () => {
    const ref = classifyText('550 5.7.510 Access denied, [contoso.com] does not accept email over IPv6')[0];
    if (ref === undefined) throw new Error('no finding');
    const ja = renderFinding(ref, 'ja');
    const en = renderFinding(ref, 'en');
    expect(ja.title).toContain('IPv6');
    expect(ja.cause).toContain('5.7.510');
    expect(en.fix).toMatch(/IPv4/);
    expect(en.sources?.some((s) => s.url.includes('non-delivery-reports-in-exchange-online'))).toBe(true);
  });
});
