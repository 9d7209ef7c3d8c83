// The redacted transcript, searchable. Every server line is shown as text with control characters made visible.
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptRow } from '../../../../shared/model';
import { TextField } from '../../components/Field';
import { visible } from '../../lib/visible-text';

/** Rows rendered at once; the search narrows the rest down. */
export const MAX_ROWS_RENDERED = 1000;

export function filterRows(rows: readonly TranscriptRow[], query: string): TranscriptRow[] {
  const q = query.trim().toLowerCase();
  if (q === '') return rows.slice();
  return rows.filter(
    (r) =>
      r.text.toLowerCase().includes(q) ||
      (r.check ?? '').toLowerCase().includes(q) ||
      r.dir.toLowerCase() === q,
  );
}

export function Transcript({ rows, dropped }: { rows: readonly TranscriptRow[]; dropped: number }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  // Typing stays responsive on long transcripts: filtering runs at a lower priority.
  const deferred = useDeferredValue(query);
  const matches = useMemo(() => filterRows(rows, deferred), [rows, deferred]);
  const shown = matches.slice(0, MAX_ROWS_RENDERED);
  return (
    <div className="card transcript">
      <h2>{t('transcript.title')}</h2>
      <TextField
        label={t('transcript.search')}
        type="search"
        value={query}
        onChange={setQuery}
        placeholder={t('transcript.searchPlaceholder')}
        name="transcript-search"
      />
      <p className="muted" role="status">
        {t('transcript.count', { shown: shown.length, matches: matches.length, total: rows.length })}
        {dropped > 0 ? ` ${t('transcript.dropped', { count: dropped })}` : ''}
      </p>
      <div className="transcript-rows" tabIndex={0} aria-label={t('transcript.title')}>
        <table className="table mono">
          <thead>
            <tr>
              <th scope="col">{t('transcript.time')}</th>
              <th scope="col">{t('transcript.dir')}</th>
              <th scope="col">{t('transcript.check')}</th>
              <th scope="col">{t('transcript.text')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={i} className={`dir-${r.dir}`}>
                <td>{Math.round(r.t)}</td>
                <td>{r.dir}</td>
                <td>{r.check ?? ''}</td>
                <td className="transcript-text">{visible(r.text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
