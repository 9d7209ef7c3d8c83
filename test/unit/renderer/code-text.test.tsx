// Code in shared texts: backtick spans become <code>; hosts break only after dots (a <wbr>, never copied);
// PowerShell words in a sentence stay whole. The text itself (what a copy gives) never changes.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Code, CodeText, ProseText, codeParts } from '../../../src/renderer/src/components/CodeText';

afterEach(cleanup);

describe('CodeText', () => {
  it('splits backtick spans into code parts; an unpaired backtick stays text', () => {
    expect(codeParts('a `b` c')).toEqual([
      { code: false, text: 'a ' },
      { code: true, text: 'b' },
      { code: false, text: ' c' },
    ]);
    expect(codeParts('x ` y')).toEqual([{ code: false, text: 'x ` y' }]);
  });

  it('renders code spans as <code> without the backticks', () => {
    const { container } = render(<CodeText text="スコープ `offline_access` と `SMTP.Send`" />);
    expect([...container.querySelectorAll('code')].map((c) => c.textContent)).toEqual([
      'offline_access',
      'SMTP.Send',
    ]);
    expect(container.textContent).toBe('スコープ offline_access と SMTP.Send');
  });

  it('a host gets a <wbr> after each dot and keeps its text', () => {
    const host = 'contoso-com.mail.protection.outlook.com';
    const { container } = render(<Code text={host} />);
    expect(container.querySelectorAll('wbr')).toHaveLength(4);
    expect(container.textContent).toBe(host);
  });

  it('keeps cmdlets and -Parameters whole in a sentence and in code', () => {
    const cmd = 'Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false';
    for (const el of [<ProseText key="p" text={`Run (${cmd}).`} />, <Code key="c" text={cmd} />]) {
      const { container, unmount } = render(el);
      expect([...container.querySelectorAll('.nowrap')].map((s) => s.textContent)).toEqual([
        'Set-CASMailbox',
        '-Identity',
        '-SmtpClientAuthenticationDisabled',
      ]);
      expect(container.textContent).toContain(cmd);
      unmount();
    }
  });
});
