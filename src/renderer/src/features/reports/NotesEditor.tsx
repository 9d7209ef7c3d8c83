// The technician's notes on the visit: one editable text, saved into the report (scanned for secrets in main).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../../shared/report';
import { useApp } from '../../store';
import { shortDate } from './dates';

/** The report schema's bound on a note, in characters. */
const NOTE_MAX = 20_000;

export function NotesEditor({ report }: { report: Report }) {
  const { t } = useTranslation();
  const saved = report.notes.map((n) => n.text).join('\n\n');
  const [text, setText] = useState(saved);
  const saveNotes = useApp((s) => s.saveNotes);
  const busy = useApp((s) => s.reports.busy);
  const last = report.notes[report.notes.length - 1];
  const dirty = text !== saved;
  return (
    <form
      className="card notes"
      onSubmit={(e) => {
        e.preventDefault();
        void saveNotes(text);
      }}
    >
      <h2>
        <label htmlFor="report-notes">{t('reports.notes')}</label>
      </h2>
      <textarea
        id="report-notes"
        name="report-notes"
        rows={4}
        maxLength={NOTE_MAX}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('reports.notesPlaceholder')}
      />
      <div className="actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={!dirty || busy}>
          {t('reports.saveNotes')}
        </button>
        <span className="muted" role="status">
          {dirty
            ? t('reports.notesUnsaved')
            : last
              ? t('reports.notesSaved', { at: shortDate(last.at) })
              : ''}
        </span>
      </div>
    </form>
  );
}
