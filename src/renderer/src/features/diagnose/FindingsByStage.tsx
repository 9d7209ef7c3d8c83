// Findings as cause / fix / who acts, grouped by where in the path they belong.
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { StatusBadge } from '../../components/StatusBadge';
import { groupByStage, type ShownFinding } from '../../lib/findings';
import { visible } from '../../lib/visible-text';
import { ProseText } from '../../components/CodeText';

/** "根拠資料（出典） / Source": where the catalogue's knowledge for this finding comes from, with the day it was read. */
function FindingSources({ f }: { f: ShownFinding }) {
  const { t } = useTranslation();
  if (!f.sources || f.sources.length === 0) return null;
  return (
    <>
      <dt>{t('verdict.source')}</dt>
      <dd>
        <ul className="sources" translate="no">
          {f.sources.map((s) => (
            <li key={s.url} title={s.title}>
              <span className="mono">{visible(s.url, 300)}</span> ({t('verdict.sourceRead', { date: s.read })}
              {s.verified === false ? `, ${t('verdict.unverified')}` : ''})
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function FindingCard({ f }: { f: ShownFinding }) {
  const { t } = useTranslation();
  return (
    <article
      className={`finding sev-${f.predicted && f.severity === 'error' ? 'warning' : f.severity}`}
      data-code={f.code}
    >
      <header className="finding-head">
        {/* A predicted finding (capture: what Exchange Online would do) is a warning until Microsoft 365 says so. */}
        <StatusBadge status={f.predicted && f.severity === 'error' ? 'warning' : f.severity} />
        <h4>{visible(f.title, 300)}</h4>
        <span className="mono muted">{f.code}</span>
        {f.predicted ? <span className="tag">{t('verdict.predicted')}</span> : null}
      </header>
      <dl className="finding-body">
        <dt>{t('verdict.cause')}</dt>
        <dd>
          <ProseText text={visible(f.cause)} />
        </dd>
        <dt>{t('verdict.fix')}</dt>
        <dd>
          <ProseText text={visible(f.fix)} />
        </dd>
        <dt>{t('verdict.who')}</dt>
        <dd>
          {f.actors.map((a) => (
            <span key={a} className={`tag actor-${a}`}>
              {t(`verdict.actor.${a}`)}
            </span>
          ))}
        </dd>
        {f.powershell ? (
          <>
            <dt>{t('verdict.powershell')}</dt>
            <dd className="code-line">
              <code>{f.powershell}</code> <CopyButton value={f.powershell} label={t('verdict.powershell')} />
            </dd>
          </>
        ) : null}
        {f.evidence && f.evidence.length > 0 ? (
          <>
            <dt>{t('verdict.evidence')}</dt>
            <dd>
              <ul className="evidence mono">
                {f.evidence.slice(0, 10).map((e, i) => (
                  <li key={i}>{visible(e, 500)}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {f.family ? (
          <>
            <dt>{t('verdict.likely')}</dt>
            <dd>
              <ol className="family-candidates">
                {f.family.candidates.map((c) => (
                  <li key={c.code} data-candidate={c.code}>
                    {visible(c.title, 200)} <span className="mono muted">{c.code}</span>
                  </li>
                ))}
              </ol>
            </dd>
            <dt>{t('verdict.nextCheck')}</dt>
            <dd className="next-check">{visible(f.family.nextCheck)}</dd>
          </>
        ) : null}
        <FindingSources f={f} />
      </dl>
      {!f.inMessageTrace ? <p className="hint">{t('verdict.notInTrace')}</p> : null}
    </article>
  );
}

export function FindingsByStage({
  findings,
  cancelled = false,
}: {
  findings: readonly ShownFinding[];
  cancelled?: boolean;
}) {
  const { t } = useTranslation();
  if (findings.length === 0)
    return cancelled ? (
      <p className="muted">{t('verdict.noFindingsCancelled')}</p>
    ) : (
      <p className="ok-text">{t('verdict.noFindings')}</p>
    );
  return (
    <div className="findings">
      {groupByStage(findings).map((g) => (
        <section key={g.stage} className="stage-group" data-stage={g.stage}>
          <h3>{t(`verdict.stage.${g.stage}`)}</h3>
          {g.findings.map((f, i) => (
            <FindingCard key={`${f.code}-${i}`} f={f} />
          ))}
        </section>
      ))}
    </div>
  );
}
