// explain's verdict (issue 14): nested replies belong to the downstream server, no DNS is not a typo,
// Microsoft's own "Authentication unsuccessful" is recognised, unknown text is "not recognised".
import { describe, expect, it } from 'vitest';
import { explainText } from '../../../src/cli/commands/explain';
import { classifyError } from '../../../src/shared/findings/classify-error';

const codes = (text: string) => explainText(text, 'en').findings.map((f) => f.code);

describe('explain: nested replies belong to who sent them', () => {
  const cases = [
    '451 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail]',
    "Server at mail.contoso.com (203.0.113.5) returned '450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=203.0.113.5:25]'",
    'Reason: [{LED=450 4.4.317 Cannot connect to remote server [Message=451 4.4.0 TLS negotiation failed with error SocketError] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=203.0.113.5:25]};{MSG=};{FQDN=mail.contoso.com};{IP=203.0.113.5}]',
    '450 4.4.316 Connection refused [Message=Socket error code 10061] [LastAttemptedServerName=mail.contoso.com]',
    '450 4.7.320 Certificate validation failed [Message=SubjectMismatch Expected Subject: *.contoso.com] [LastAttemptedServerName=mail.contoso.com]',
  ];
  for (const text of cases) {
    it(`${text.slice(0, 60)}… → CONNECTOR_DELIVERY_FAILED, admin, never the device's STARTTLS/TLS`, () => {
      const r = explainText(text, 'en');
      expect(r.primaryFinding).toMatchObject({ code: 'CONNECTOR_DELIVERY_FAILED', actor: 'admin' });
      expect(codes(text)).not.toContain('STARTTLS_REQUIRED');
      expect(codes(text)).not.toContain('TLS_HANDSHAKE_FAILED');
      expect(codes(text)).not.toContain('TCP_REFUSED');
      const f = r.findings[0];
      if (text.includes('mail.contoso.com')) expect(`${f?.cause} ${f?.fix}`).toContain('mail.contoso.com');
      expect(f?.cause).not.toMatch(/set the device/i);
    });
  }

  it("the same STARTTLS reply without Exchange Online around it is the device's", () => {
    expect(codes('530 5.7.57 Client not authenticated')).toEqual(['CLIENT_NOT_AUTHENTICATED']);
    expect(codes('451 5.7.3 STARTTLS is required to send mail')[0]).toBe('STARTTLS_REQUIRED');
  });
});

describe('explain: no DNS server is not a typo', () => {
  it.each([
    ['Error: getaddrinfo EAI_AGAIN smtp.office365.com'],
    ['queryMx ECONNREFUSED contoso.com'],
    ['Error: queryA ETIMEOUT smtp.office365.com'],
    ['queryTxt ETIMEOUT contoso.com'],
  ])('%s → DNS_UNREACHABLE (technician), never DNS_NAME_NOT_FOUND / TCP_REFUSED', (text) => {
    const r = explainText(text, 'en');
    expect(r.primaryFinding).toMatchObject({ code: 'DNS_UNREACHABLE', actor: 'technician' });
    expect(codes(text)).not.toContain('DNS_NAME_NOT_FOUND');
    expect(codes(text)).not.toContain('TCP_REFUSED');
  });

  it.each([
    ['getaddrinfo ENOTFOUND smtp.office365.com'],
    ['getaddrinfo ENOTFOUND contoso-com.mail.protection.outlook.com'],
    ['getaddrinfo ENOTFOUND contoso-com.x-v1.mx.microsoft'],
  ])('%s: a Microsoft 365 name is never called a typo', (text) => {
    for (const lang of ['en', 'ja'] as const) {
      const r = explainText(text, lang);
      expect(r.findings[0]?.code).toBe('DNS_M365_NAME_UNRESOLVED');
      expect(`${r.findings[0]?.cause}`).not.toMatch(/office365\.con|typo in|入力ミスです|入力ミスが考えられ/);
    }
  });

  it('a name that is not Microsoft 365 may still be a typo', () => {
    expect(codes('getaddrinfo ENOTFOUND smtp.office365.con')).toEqual(['DNS_NAME_NOT_FOUND']);
  });

  it('error objects: resolver syscalls and codes map the same way', () => {
    expect(
      classifyError(
        Object.assign(new Error('queryMx ECONNREFUSED contoso.com'), {
          code: 'ECONNREFUSED',
          syscall: 'queryMx',
          hostname: 'contoso.com',
        }),
      )[0]?.code,
    ).toBe('DNS_UNREACHABLE');
    expect(
      classifyError(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:587'), {
          code: 'ECONNREFUSED',
          syscall: 'connect',
        }),
      )[0]?.code,
    ).toBe('TCP_REFUSED');
    expect(
      classifyError(Object.assign(new Error('queryA ETIMEOUT x'), { code: 'ETIMEOUT', syscall: 'queryA' }))[0]
        ?.code,
    ).toBe('DNS_UNREACHABLE');
    expect(
      classifyError(
        Object.assign(new Error('getaddrinfo ENOTFOUND smtp.office365.com'), {
          code: 'ENOTFOUND',
          hostname: 'smtp.office365.com',
        }),
      )[0]?.code,
    ).toBe('DNS_M365_NAME_UNRESOLVED');
  });
});

describe('explain: recognised or not', () => {
  it("Microsoft's own wording as printers show it is recognised", () => {
    expect(explainText('Authentication unsuccessful', 'en').primaryFinding?.code).toBe('AUTH_FAILED');
    expect(
      explainText('SMTP authentication unsuccessful (the user credentials were incorrect)', 'ja')
        .primaryFinding?.code,
    ).toBe('AUTH_FAILED');
  });

  it('unknown text is not recognised; a success reply is recognised with nothing wrong', () => {
    expect(explainText('the printer says hello', 'en')).toEqual({
      recognised: false,
      primaryFinding: null,
      findings: [],
    });
    expect(explainText('250 2.0.0 OK queued', 'en')).toEqual({
      recognised: true,
      primaryFinding: null,
      findings: [],
    });
  });

  it('an earlier stage is fixed first, whatever the order in the text', () => {
    const r = explainText(
      '535 5.7.139 Authentication unsuccessful\n451 5.7.3 STARTTLS is required to send mail',
      'en',
    );
    expect(r.findings.map((f) => f.code)).toEqual(['STARTTLS_REQUIRED', 'AUTH_FAILED']);
    expect(r.primaryFinding?.code).toBe('STARTTLS_REQUIRED');
  });
});
