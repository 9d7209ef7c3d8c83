// Search by customer / site / device (free text), finding code and date range; applied as the technician types.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { appStore } from '../../store';

/** Pause after the last keystroke before the list is searched again, in milliseconds. */
const SEARCH_DEBOUNCE_MS = 250;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function ReportSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState(() => appStore.getState().reports.query.text ?? '');
  const [code, setCode] = useState(() => appStore.getState().reports.query.findingCode ?? '');
  const [from, setFrom] = useState(() => appStore.getState().reports.query.from ?? '');
  const [to, setTo] = useState(() => appStore.getState().reports.query.to ?? '');
  useEffect(() => {
    const timer = setTimeout(() => {
      const query = {
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(code.trim() ? { findingCode: code.trim().toUpperCase() } : {}),
        // Half-typed dates are ignored rather than searched for.
        ...(DATE.test(from) ? { from } : {}),
        ...(DATE.test(to) ? { to } : {}),
      };
      void appStore.getState().loadReports(query);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, code, from, to]);
  return (
    <form
      className="card report-search"
      role="search"
      aria-label={t('reports.search')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="grid-4">
        <TextField
          label={t('reports.searchText')}
          type="search"
          value={text}
          onChange={setText}
          placeholder={t('reports.searchTextPlaceholder')}
          name="report-text"
        />
        <TextField
          label={t('reports.searchCode')}
          type="search"
          value={code}
          onChange={setCode}
          placeholder="SEND_AS_DENIED"
          name="report-code"
        />
        <DateField label={t('reports.from')} value={from} onChange={setFrom} name="report-from" />
        <DateField label={t('reports.to')} value={to} onChange={setTo} name="report-to" />
      </div>
    </form>
  );
}

function DateField({
  label,
  value,
  onChange,
  name,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  name: string;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} type="date" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
