// One device session as the listener saw it: who connected, TLS, AUTH (facts about the password, never the
// password), each message's envelope and size, then its findings. Every device-sent string goes through visible().
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureDiagnosis, CapturedMessage } from '../../../../shared/capture';
import { StatusBadge } from '../../components/StatusBadge';
import { currentLang } from '../../i18n';
import { visible } from '../../lib/visible-text';
import { FindingsByStage } from '../diagnose/FindingsByStage';
import { shownCaptureFindings } from './capture-findings';

/** Recipients listed per message before "+N". */
const MAX_RCPT_SHOWN = 5;

function Message({ m }: { m: CapturedMessage }) {
  const { t } = useTranslation();
  const rcpt =
    m.rcptTo
      .slice(0, MAX_RCPT_SHOWN)
      .map((r) => visible(r, 320))
      .join(', ') + (m.rcptTo.length > MAX_RCPT_SHOWN ? ` +${m.rcptTo.length - MAX_RCPT_SHOWN}` : '');
  return (
    <>
      <dt>{t('capture.mailFrom')}</dt>
      <dd className="mono" data-mail-from>
        {visible(m.mailFrom || '<>', 320)}
      </dd>
      <dt>{t('capture.rcptTo')}</dt>
      <dd className="mono">{rcpt || '—'}</dd>
      <dt>{t('capture.size')}</dt>
      <dd>
        {t('capture.bytes', { count: m.size })}
        {m.truncated ? ` · ${t('capture.truncated')}` : ''}
        {m.bareLf > 0 ? ` · ${t('capture.bareLf', { count: m.bareLf })}` : ''}
        {m.attachments.length > 0
          ? ` · ${t('capture.attachments', { list: m.attachments.map((x) => `${visible(x.name, 100)} (${visible(x.type, 100)})`).join(', ') })}`
          : ''}
      </dd>
      <dt>{t('capture.reply')}</dt>
      <dd className="mono">
        {visible(m.reply, 500)}
        {m.relay
          ? ` · ${t('capture.relayed', { outcome: m.relay.ok ? t('capture.relayOk') : t('capture.relayFailed') })}: ${visible(m.relay.reply, 500)}`
          : ''}
      </dd>
    </>
  );
}

export function SessionCard({
  diagnosis,
  n,
  actions,
}: {
  diagnosis: CaptureDiagnosis;
  n: number;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang();
  const s = diagnosis.session;
  const findings = useMemo(
    () => shownCaptureFindings(diagnosis.findings, lang),
    [diagnosis, lang, i18n.language],
  );
  const tls = s.tls;
  const auth = s.auth;
  return (
    <article
      className="card session-card"
      data-session={n}
      data-verdict={diagnosis.verdict}
      data-practice={diagnosis.practice?.scenario}
    >
      <header className="finding-head">
        <StatusBadge status={diagnosis.verdict} />
        {diagnosis.practice ? (
          // Relayed to the lab: the upstream replies are the practice lab's, not Microsoft 365's.
          <span className="practice-tag">
            {t('practiceLab.runTag', {
              scenario: t(`scenario.${diagnosis.practice.scenario}`, {
                defaultValue: diagnosis.practice.scenario,
              }),
            })}
          </span>
        ) : null}
        <h3>
          {t('capture.sessionN', { n })} ·{' '}
          <span className="mono">{visible(`${s.client.address}:${s.client.port}`, 100)}</span>
        </h3>
        <span className="muted">{t(`method.name.${diagnosis.method}`)}</span>
        {actions}
      </header>
      <dl className="settings-grid session-facts">
        <dt>{t('capture.ehlo')}</dt>
        <dd className="mono">
          {s.ehlo ? `${s.greeting ?? ''} ${visible(s.ehlo, 253)}` : t('capture.noGreeting')}
        </dd>
        <dt>{t('capture.tls')}</dt>
        <dd>
          {tls ? (
            <>
              {t(`capture.tlsMode.${tls.mode}`)} ·{' '}
              <span className="mono">
                {tls.protocol ? visible(tls.protocol, 40) : t('capture.handshakeFailed')}
              </span>
              {tls.cipher ? <span className="mono"> · {visible(tls.cipher, 100)}</span> : null}
              {tls.offered ? (
                <span className="muted">
                  {' '}
                  · {t('capture.offered', { versions: tls.offered.versions.join(', ') })}
                </span>
              ) : null}
              {tls.note ? <span className="muted"> · {visible(tls.note, 300)}</span> : null}
            </>
          ) : (
            t('capture.noTls')
          )}
        </dd>
        <dt>{t('capture.auth')}</dt>
        <dd data-auth>
          {auth ? (
            <>
              <span className="mono">{visible(auth.mechanism, 40)}</span> · {t('capture.user')}{' '}
              <span className="mono">{visible(auth.user, 320)}</span> ·{' '}
              {auth.oauth ? (
                <span data-oauth-claims>
                  {auth.oauth.readable
                    ? t('capture.oauthClaims', {
                        aud: visible(auth.oauth.aud.join(' '), 200),
                        perms: visible([...auth.oauth.scp, ...auth.oauth.roles].join(' ') || '-', 200),
                        upn: visible(auth.oauth.upn ?? '-', 320),
                        exp: auth.oauth.exp === null ? '-' : new Date(auth.oauth.exp * 1000).toLocaleString(),
                      })
                    : t('capture.oauthUnreadable')}
                </span>
              ) : auth.passwordSent ? (
                t('capture.passwordSent', { count: auth.passwordLength })
              ) : (
                t('capture.passwordNotSent')
              )}
              {auth.riskyCharacters.length > 0 ? (
                <span className="error-text">
                  {' '}
                  · {t('capture.risky', { list: auth.riskyCharacters.map((c) => visible(c, 40)).join(', ') })}
                </span>
              ) : null}
            </>
          ) : (
            t('capture.noAuth')
          )}
        </dd>
        {s.messages.length === 0 ? (
          <>
            <dt>{t('capture.message')}</dt>
            <dd className="muted">{t('capture.noMessage')}</dd>
          </>
        ) : (
          s.messages.map((m, i) => <Message key={i} m={m} />)
        )}
        {s.endReason ? (
          <>
            <dt>{t('capture.ended')}</dt>
            <dd>{visible(s.endReason, 300)}</dd>
          </>
        ) : null}
      </dl>
      <FindingsByStage findings={findings} />
    </article>
  );
}
