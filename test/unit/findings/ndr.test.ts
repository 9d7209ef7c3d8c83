// Nested NDR replies: the innermost `smtp;NNN N.N.N ...` is the reply that says why; wrappers in any language stay.
import { describe, expect, it } from 'vitest';
import { classifyText } from '../../../src/shared/findings/classify-text';
import { innermostReply } from '../../../src/shared/findings/ndr';

describe('innermostReply', () => {
  it('returns the innermost reply of one or two nesting levels, without the closing wrap', () => {
    expect(
      innermostReply(
        "Remote Server returned '554 5.7.1 <h #5.7.1 smtp;550 5.7.606 Access denied, banned sending IP [203.0.113.7]>'",
      ),
    ).toBe('550 5.7.606 Access denied, banned sending IP [203.0.113.7]');
    expect(
      innermostReply(
        '554 5.7.1 <a #5.7.1 smtp;550 5.7.60 <b #5.7.60 smtp;550 5.7.54 SMTP; Unable to relay>>',
      ),
    ).toBe('550 5.7.54 SMTP; Unable to relay');
  });

  it('leaves lines without a nested reply alone (smtp; without a code is not a reply)', () => {
    const plain = "リモート サーバーから返された内容 '550 5.7.708 Service unavailable.'";
    expect(innermostReply(plain)).toBe(plain);
    expect(innermostReply('Diagnostic-Code: smtp; see the log')).toBe('Diagnostic-Code: smtp; see the log');
  });

  it('the nested code decides even when the outer code has a rule of its own', () => {
    expect(
      classifyText(
        '554 5.7.60 <a #5.7.60 smtp;550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain>',
      )[0]?.code,
    ).toBe('RELAY_DENIED');
    expect(
      classifyText('554 5.7.60 SMTP; Client does not have permissions to send as this sender')[0]?.code,
    ).toBe('SEND_AS_DENIED');
  });
});
