// The verdict box's two actions: the value(s) to change for the primary finding, and — when the Microsoft 365
// admin acts — a copy button whose text is the support ticket the exports build (saved into the job's report
// first, so the ticket is exactly what an export would give).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { valuesToChange } from '../../../../shared/findings/value-to-change';
import type { Diagnosis, Lang } from '../../../../shared/model';
import { client } from '../../api/client';
import { CopyButton, writeClipboard } from '../../components/CopyButton';
import { visible } from '../../lib/visible-text';
import { appStore } from '../../store';

/** The primary finding's params, looked up in the check that reported it. */
function primaryParams(
  d: Diagnosis,
  code: string,
  checkId: string | null,
): Record<string, string> | undefined {
  for (const c of d.checks) {
    if (checkId !== null && c.id !== checkId) continue;
    const hit = c.findings.find((f) => f.code === code);
    if (hit) return hit.params;
  }
  return undefined;
}

export function ValuesToChange({
  diagnosis,
  code,
  checkId,
  lang,
}: {
  diagnosis: Diagnosis;
  code: string;
  checkId: string | null;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const method =
    diagnosis.method === 'auto' ? (diagnosis.recommendation?.method ?? 'auto') : diagnosis.method;
  const values = valuesToChange(code, primaryParams(diagnosis, code, checkId), method, lang);
  if (values.length === 0) return null;
  return (
    <div className="verdict-values" data-values-to-change>
      <span className="verdict-label">{t('lookUi.valueToChange')}</span>
      {values.map((v) => (
        <span key={v.label} className="value-chip">
          <span className="muted">{v.label}</span> <code className="nowrap">{visible(v.value, 100)}</code>{' '}
          <CopyButton value={v.value} label={v.label} />
        </span>
      ))}
    </div>
  );
}

export function CopyAdminMessage({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ phase: 'idle' | 'busy' | 'done' | 'error'; error?: string }>({
    phase: 'idle',
  });
  const copy = async () => {
    setState({ phase: 'busy' });
    try {
      const store = appStore.getState();
      const saved = store.saveRunState.phase === 'saved' && store.saveRunState.runId === store.run.runId;
      if (!saved) await store.saveRunToReport();
      const after = appStore.getState();
      if (after.saveRunState.phase === 'error' || !after.jobReport)
        throw new Error(after.saveRunState.error ?? 'not saved');
      const text = await client.reportTicketText({ id: after.jobReport.id, lang, ticketFormat: 'text' });
      if (!(await writeClipboard(text))) throw new Error(t('common.copyFailed'));
      setState({ phase: 'done' });
    } catch (err) {
      setState({ phase: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div className="verdict-admin">
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void copy()}
        disabled={state.phase === 'busy'}
        data-copy-admin
      >
        {t('lookUi.copyAdmin')}
      </button>
      <span role="status" className={state.phase === 'error' ? 'error-text' : 'muted'}>
        {state.phase === 'busy' ? t('lookUi.copyAdminSaving') : null}
        {state.phase === 'done' ? t('lookUi.copyAdminDone') : null}
        {state.phase === 'error'
          ? t('lookUi.copyAdminFailed', { error: visible(state.error ?? '', 300) })
          : null}
      </span>
    </div>
  );
}
