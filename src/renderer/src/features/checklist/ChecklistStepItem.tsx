// One checklist step: number, who acts, where, field, exact value (copy), tick, and the diagnosis's verdict on it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistStep } from '../../../../shared/checklist';
import { CopyButton } from '../../components/CopyButton';
import { StatusBadge, type Status } from '../../components/StatusBadge';
import type { StepVerification } from '../../lib/step-status';
import { Code, ProseText } from '../../components/CodeText';

const BADGE: Record<StepVerification, Status> = {
  pass: 'pass',
  fail: 'fail',
  warn: 'warn',
  running: 'running',
  none: 'idle',
};

export function ChecklistStepItem({
  step,
  ticked,
  verification,
  onToggle,
}: {
  step: ChecklistStep;
  ticked: boolean;
  verification: StepVerification;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const tickId = useId();
  return (
    <li
      className={`step actor-${step.actor} verified-${verification}`}
      data-step={step.id}
      data-verified={verification}
    >
      <div className="step-num" aria-hidden="true">
        {step.n}
      </div>
      <div>
        <h3>
          <span className="sr-only">{t('checklist.step', { n: step.n })}: </span>
          {step.title}
        </h3>
        <dl className="step-grid">
          {step.where ? (
            <>
              <dt>{t('checklist.where')}</dt>
              <dd>
                {step.where}
                {!step.confirmed && step.actor === 'technician' ? (
                  <span className="prov prov-check"> ⚠ {t('device.checkOnDevice')}</span>
                ) : null}
              </dd>
            </>
          ) : null}
          {step.field ? (
            <>
              <dt>{t('checklist.field')}</dt>
              <dd>{step.field}</dd>
            </>
          ) : null}
          {step.value !== undefined ? (
            <>
              <dt>{t('checklist.value')}</dt>
              <dd className="value-line">
                <Code data-value text={step.value} />
                {step.copyable ? <CopyButton value={step.value} label={step.field ?? step.title} /> : null}
              </dd>
            </>
          ) : null}
        </dl>
        {step.note ? <p className="hint">{step.note}</p> : null}
        {step.adminMessage ? (
          <div>
            <div className="value-line" style={{ marginTop: 6 }}>
              <strong>{t('checklist.sendAdmin')}</strong>
              <CopyButton value={step.adminMessage} label={t('checklist.sendAdmin')} />
            </div>
            <p className="admin-msg">
              <ProseText text={step.adminMessage} />
            </p>
          </div>
        ) : null}
      </div>
      <div className="step-side">
        <span className={`tag actor-${step.actor}`}>
          {step.actor === 'admin' ? `◆ ${t('checklist.adminStep')}` : t('checklist.technician')}
        </span>
        {step.verifiedBy ? (
          <StatusBadge status={BADGE[verification]} label={t(`checklist.verified.${verification}`)} />
        ) : null}
        <label htmlFor={tickId} className="check">
          <input id={tickId} type="checkbox" checked={ticked} onChange={onToggle} />
          {t('checklist.done')}
        </label>
      </div>
    </li>
  );
}
