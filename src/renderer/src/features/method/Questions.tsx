// Screen 2's questions, one at a time: each answered question stays visible and editable, and only the next
// question whose answer could change the advice is shown (src/shared/method-questions.ts decides which).
// One click per answer; "わからない" is an answer too, and unanswered questions count as unknown.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSelectedModel } from '../../hooks/useSelectedModel';
import { effectiveAuth } from '../../lib/auth-choice';
import { useApp } from '../../store';
import { actions, jobSel } from '../../store/selectors';
import type { QuestionKey } from '../../store/types';
import { questionsToShow } from './advice';

interface Option {
  value: string;
  label: string;
}

function Question({
  id,
  label,
  hint,
  options,
  value,
  answered,
  onPick,
}: {
  id: QuestionKey;
  label: string;
  hint?: string;
  options: Option[];
  value: string;
  answered: boolean;
  onPick: (v: string) => void;
}) {
  return (
    <fieldset className={`question${answered ? ' answered' : ' current'}`} data-question={id}>
      <legend>{label}</legend>
      <div className="generic-buttons" role="group" aria-label={label}>
        {options.map((o) => {
          // The value in force is shown even before an answer: an unanswered question counts as its default.
          const on = value === o.value;
          return (
            <button
              key={o.value}
              type="button"
              className={`btn${on ? ' btn-selected' : ''}`}
              aria-pressed={on}
              onClick={() => onPick(o.value)}
            >
              {on ? '✔ ' : ''}
              {o.label}
            </button>
          );
        })}
      </div>
      {hint ? <p className="hint">{hint}</p> : null}
    </fieldset>
  );
}

export function Questions() {
  const { t } = useTranslation();
  const job = useApp(jobSel.job);
  const model = useSelectedModel();
  const { updateAnswers, setAuth } = useApp(useShallow(actions));
  const shown = useMemo(() => questionsToShow(job, model, new Date()), [job, model]);
  const a = job.answers;
  const tri = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
    { value: 'unknown', label: t('common.unknown') },
  ];
  const onOff = [
    { value: 'on', label: t('question.on') },
    { value: 'off', label: t('question.off') },
    { value: 'unknown', label: t('common.unknown') },
  ];
  const render = (key: QuestionKey) => {
    const answered = job.answered.includes(key);
    switch (key) {
      case 'auth':
        return (
          <Question
            key={key}
            id={key}
            label={t('question.auth')}
            hint={t('question.authHint')}
            options={[
              { value: 'basic', label: t('question.authBasic') },
              { value: 'oauth', label: t('question.authOauth') },
            ]}
            value={effectiveAuth(job, model)}
            answered={answered}
            onPick={(v) => setAuth(v === 'oauth' ? 'oauth' : 'basic')}
          />
        );
      case 'externalRecipients':
      case 'staticIp':
        return (
          <Question
            key={key}
            id={key}
            label={t(`question.${key}`)}
            options={tri}
            value={a[key]}
            answered={answered}
            onPick={(v) => updateAnswers({ [key]: v as (typeof a)[typeof key] })}
          />
        );
      case 'smtpAuth':
        return (
          <Question
            key={key}
            id={key}
            label={t('question.smtpAuth')}
            options={[
              { value: 'enabled', label: t('question.enabled') },
              { value: 'disabled', label: t('question.disabled') },
              { value: 'unknown', label: t('common.unknown') },
            ]}
            value={a.smtpAuth}
            answered={answered}
            onPick={(v) => updateAnswers({ smtpAuth: v as typeof a.smtpAuth })}
          />
        );
      case 'securityDefaults':
      case 'rejectDirectSend':
        return (
          <Question
            key={key}
            id={key}
            label={t(`question.${key}`)}
            options={onOff}
            value={a[key]}
            answered={answered}
            onPick={(v) => updateAnswers({ [key]: v as (typeof a)[typeof key] })}
          />
        );
    }
  };
  const waiting = shown.some((k) => !job.answered.includes(k));
  return (
    <div className="card questions">
      <h2>{t('question.title')}</h2>
      <p className="hint">{t('question.lead')}</p>
      {shown.map(render)}
      {!waiting ? (
        <p className="muted" data-questions-done>
          {t('question.noMore')}
        </p>
      ) : null}
    </div>
  );
}
