// Exports of the open report: HTML, PDF, support-ticket zip, ticket file, and the ticket text to paste into a
// helpdesk form. Main scans every export for this session's secrets first; a block is shown with its reason.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Lang } from '../../../../shared/model';
import type { Report } from '../../../../shared/report';
import { CopyButton } from '../../components/CopyButton';
import { SelectField } from '../../components/Field';
import { currentLang } from '../../i18n';
import { visible } from '../../lib/visible-text';
import { useApp } from '../../store';
import { reportsActions, type ExportKind } from '../../store/reports-slice';

const FORMATS: readonly ExportKind[] = ['html', 'pdf', 'zip', 'ticket'];
/** Longest ticket line shown, in characters (the copy button copies the whole text). */
const MAX_TICKET_LINE = 4000;

/** The ticket keeps its line breaks; anything else invisible in a line is made visible. */
const shownTicket = (text: string) =>
  text
    .split('\n')
    .map((line) => visible(line, MAX_TICKET_LINE))
    .join('\n');

export function ExportPanel({ report }: { report: Report }) {
  const { t } = useTranslation();
  const a = useApp(useShallow(reportsActions));
  const { busy, exported, exportError, ticketText } = useApp(
    useShallow((s) => ({
      busy: s.reports.busy,
      exported: s.reports.exported,
      exportError: s.reports.exportError,
      ticketText: s.reports.ticketText,
    })),
  );
  // The admin may read another language than the technician: the ticket's language is chosen here.
  const [lang, setLang] = useState<Lang>(currentLang());
  const [ticketFormat, setTicketFormat] = useState<'markdown' | 'text'>('markdown');
  const noRuns = report.runs.length === 0;
  return (
    <section className="card export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('reports.exportTitle')}</h2>
      <div className="grid-2">
        <SelectField<Lang>
          label={t('reports.exportLang')}
          value={lang}
          options={[
            { value: 'ja', label: '日本語' },
            { value: 'en', label: 'English' },
          ]}
          onChange={setLang}
          name="export-lang"
        />
        <SelectField<'markdown' | 'text'>
          label={t('reports.ticketFormat')}
          value={ticketFormat}
          options={[
            { value: 'markdown', label: t('reports.markdown') },
            { value: 'text', label: t('reports.plainText') },
          ]}
          onChange={setTicketFormat}
          name="ticket-format"
        />
      </div>
      {noRuns ? <p className="hint">{t('reports.exportNoRuns')}</p> : null}
      <div className="actions export-buttons">
        {FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            className="btn"
            data-export={f}
            disabled={busy}
            onClick={() => void a.exportReport(f, lang, f === 'ticket' ? ticketFormat : undefined)}
          >
            {t(`reports.export.${f}`)}
          </button>
        ))}
        <button
          type="button"
          className="btn"
          data-ticket-text
          disabled={busy}
          onClick={() => void a.loadTicketText(lang, ticketFormat)}
        >
          {t('reports.showTicket')}
        </button>
      </div>
      {exported ? (
        <p className="ok-text" role="status" data-exported={exported.format}>
          {t('reports.exported', {
            format: t(`reports.export.${exported.format}`),
            kb: Math.max(1, Math.round(exported.bytes / 1024)),
          })}{' '}
          <code data-export-path>{exported.path}</code>{' '}
          <CopyButton value={exported.path} label={t('reports.path')} />
        </p>
      ) : null}
      {exportError ? (
        <div
          className="error-box"
          role="alert"
          data-export-blocked={exportError.blocked ? 'secret' : 'error'}
        >
          <strong>{exportError.blocked ? t('reports.blocked') : t('reports.exportFailed')}</strong>{' '}
          {exportError.message}
        </div>
      ) : null}
      {ticketText !== null ? (
        <div className="ticket-text">
          <div className="actions">
            <strong>{t('reports.ticketText')}</strong>{' '}
            <CopyButton value={ticketText} label={t('reports.ticketText')} />
          </div>
          <pre className="mono" tabIndex={0} aria-label={t('reports.ticketText')}>
            {shownTicket(ticketText)}
          </pre>
        </div>
      ) : null}
    </section>
  );
}
