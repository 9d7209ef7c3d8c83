// Screen 2: questions one at a time → the advisor's answer (recommended, other possible, 使えない理由) → the values
// the method needs. "Next" (or Enter in a value) takes the recommended method when none was chosen.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { StatusBadge } from '../../components/StatusBadge';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useSelectedModel } from '../../hooks/useSelectedModel';
import { currentLang } from '../../i18n';
import { useApp } from '../../store';
import { actions, jobSel } from '../../store/selectors';
import { adviseFor, methodViews } from './advice';
import { ComparisonTable } from './ComparisonTable';
import { MethodChoices } from './MethodChoices';
import { MethodValues } from './MethodValues';
import { Questions } from './Questions';

export function MethodScreen() {
  const { t, i18n } = useTranslation();
  const job = useApp(jobSel.job);
  const model = useSelectedModel();
  const { go, chooseMethod } = useApp(useShallow(actions));
  const lang = currentLang();
  const result = useMemo(() => adviseFor(job, model, new Date()), [job, model]);
  // i18n.language: re-render the texts when the language switches live.
  const views = useMemo(
    () => (result.ok ? methodViews(result.advice, lang) : []),
    [result, lang, i18n.language],
  );
  const recommended = result.ok ? result.advice.recommended : null;
  const target = job.method ?? recommended;
  // Next (or Enter in a value field): the chosen method, or the recommended one when none was chosen.
  const next = () => {
    if (target === null) return;
    if (job.method === null) chooseMethod(target);
    go('checklist');
  };
  return (
    <section className="screen" aria-labelledby="method-title">
      <ScreenHeader name="method" />
      <Questions />
      <div className="card">
        <h2>{t('method.answer')}</h2>
        {!model ? <p className="hint">{t('method.noDevice')}</p> : null}
        {!result.ok ? (
          <p className="error-box" role="alert">
            {t('method.unavailable', { error: result.errors.join('; ') })}
          </p>
        ) : (
          <>
            {result.advice.notices.length > 0 ? (
              <ul className="warning-list" style={{ marginBottom: 10 }}>
                {result.advice.notices.map((n) => (
                  <li
                    key={n.code}
                    className={`warn-item sev-${n.effect === 'blocker' ? 'error' : 'warning'}`}
                  >
                    <StatusBadge status={n.effect === 'blocker' ? 'error' : 'warning'} />
                    <span>{n.text[lang]}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            <MethodChoices views={views} chosen={job.method} onChoose={chooseMethod} />
          </>
        )}
      </div>
      <MethodValues method={target} onEnter={next} />
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={target === null} onClick={next}>
          {target !== null ? t('method.nextWith', { method: t(`method.name.${target}`) }) : t('method.next')}
        </button>
      </div>
      <details className="card comparison-box">
        <summary>{t('method.showComparison')}</summary>
        <ComparisonTable highlight={target} />
      </details>
    </section>
  );
}
