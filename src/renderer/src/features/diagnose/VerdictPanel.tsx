// The verdict after a run: one line first, then the egress IP, findings by stage, the TLS matrix, the transcript.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { StatusBadge } from '../../components/StatusBadge';
import { currentLang } from '../../i18n';
import { diagnosisPrimary } from '../../../../shared/findings/diagnosis-primary';
import { firstSentence } from '../../../../shared/findings/primary';
import { partText } from '../../../../shared/delivers-part';
import { ACTOR_LABELS } from '../../../../shared/vocabulary';
import { collectFindings } from '../../lib/findings';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { runSel } from '../../store/selectors';
import { FindingsByStage } from './FindingsByStage';
import { CopyAdminMessage, ValuesToChange } from './VerdictActions';
import { ProseText } from '../../components/CodeText';

/** `show`: the verdict box alone (it leads the screen, above the form) or the findings by stage (below). */
export function VerdictPanel({ show = 'both' }: { show?: 'verdict' | 'findings' | 'both' }) {
  const { t, i18n } = useTranslation();
  const diagnosis = useApp(runSel.diagnosis);
  const lang = currentLang();
  // Re-render in the new language when it switches live.
  const findings = useMemo(
    () => (diagnosis ? collectFindings(diagnosis, lang) : []),
    [diagnosis, lang, i18n.language],
  );
  const primary = useMemo(
    () => (diagnosis ? diagnosisPrimary(diagnosis, lang) : null),
    [diagnosis, lang, i18n.language],
  );
  if (!diagnosis) return null;
  const cancelled = diagnosis.cancelled === true;
  const rec = diagnosis.recommendation;
  const best = rec?.ranking.find((r) => r.method === rec.method && r.delivers === 'part');
  const part = best ? partText(best, lang) : undefined;
  const findingsCard = (
    <div className="card">
      <h2>{t('verdict.findings')}</h2>
      <FindingsByStage findings={findings} cancelled={cancelled} />
    </div>
  );
  if (show === 'findings') return findingsCard;
  return (
    <>
      <div
        className={`card verdict verdict-${cancelled ? 'cancelled' : diagnosis.verdict}`}
        role="status"
        data-verdict={cancelled ? 'cancelled' : diagnosis.verdict}
      >
        <h2>{t('verdict.title')}</h2>
        <p className="verdict-line">
          <StatusBadge status={cancelled ? 'cancelled' : diagnosis.verdict} />
          <strong>{cancelled ? t('verdict.cancelled') : t(`verdict.${diagnosis.verdict}`)}</strong>
          <span className="muted">
            {t('verdict.duration', { s: (diagnosis.durationMs / 1000).toFixed(1) })}
          </span>
        </p>
        {primary && !cancelled ? (
          <div className="verdict-primary" data-primary={primary.code}>
            <p className="verdict-title">
              <span className="verdict-label">{t('verdict.primary')}</span>{' '}
              <strong>{visible(primary.title, 300)}</strong> <code className="nowrap">{primary.code}</code>
            </p>
            <p>
              <span className="verdict-label">{t('verdict.who')}</span>{' '}
              <span className={`actor-chip actor-${primary.actor}`} data-actor={primary.actor}>
                {ACTOR_LABELS[lang][primary.actor]}
              </span>
            </p>
            <p>
              <span className="verdict-label">{t('verdict.firstStep')}</span>{' '}
              <ProseText text={visible(firstSentence(primary.fix), 600)} />
            </p>
            <ValuesToChange diagnosis={diagnosis} code={primary.code} checkId={primary.checkId} lang={lang} />
            {primary.actor === 'admin' ? <CopyAdminMessage lang={lang} /> : null}
          </div>
        ) : null}
        {rec ? (
          <p data-recommended={rec.method}>
            {t('verdict.recommended')}: {t(`method.name.${rec.method}`)}
            {part ? ` — ${t('verdict.partOnly')}: ${visible(part, 300)}` : null}
          </p>
        ) : null}
        <p>
          {t('verdict.egressIp')}:{' '}
          {diagnosis.egressIp ? (
            <>
              <code data-egress-ip>{visible(diagnosis.egressIp, 100)}</code>{' '}
              <CopyButton value={diagnosis.egressIp} label={t('verdict.egressIp')} />
            </>
          ) : (
            <span className="muted">{t('verdict.egressUnknown')}</span>
          )}
        </p>
      </div>
      {show === 'both' ? findingsCard : null}
    </>
  );
}
