// The search hits as ONE listbox (WAI-ARIA listbox pattern): one tab stop, ↑/↓/Home/End move the active option
// (aria-activedescendant), Enter/Space or a click choose it. ↓ in the search box lands here.
import { forwardRef, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface Hit {
  fileId: string;
  modelId: string;
  vendor: string;
  series: string;
  matched: string;
  origin: string;
}

interface Props {
  hits: readonly Hit[];
  selected: string | null;
  loading: boolean;
  onChoose: (modelId: string) => void;
}

const optionId = (h: Hit) => `hit-${h.fileId}-${h.modelId}`.replace(/[^A-Za-z0-9_-]/g, '_');

export const DeviceListbox = forwardRef<HTMLDivElement, Props>(function DeviceListbox(
  { hits, selected, loading, onChoose },
  ref,
) {
  const { t } = useTranslation();
  const selectedIndex = hits.findIndex((h) => h.modelId === selected);
  const [active, setActive] = useState(Math.max(0, selectedIndex));
  // A new query gives new hits: start again at the chosen model, else the first hit.
  useEffect(() => setActive(Math.max(0, selectedIndex)), [hits, selectedIndex]);
  const activeHit = hits[Math.min(active, hits.length - 1)];

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = hits.length - 1;
    const move = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: last,
      PageDown: active + 10,
      PageUp: active - 10,
    }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      const next = Math.max(0, Math.min(last, move));
      setActive(next);
      const h = hits[next];
      if (h)
        // jsdom (unit tests) has no scrollIntoView.
        document.getElementById(optionId(h))?.scrollIntoView?.({ block: 'nearest' });
    } else if ((e.key === 'Enter' || e.key === ' ') && activeHit) {
      e.preventDefault();
      onChoose(activeHit.modelId);
    }
  };

  if (!loading && hits.length === 0) return <p className="muted hit-empty">{t('device.noHits')}</p>;
  return (
    <div
      ref={ref}
      role="listbox"
      tabIndex={0}
      className="hit-list"
      aria-label={t('lookUi.deviceList')}
      aria-activedescendant={activeHit ? optionId(activeHit) : undefined}
      onKeyDown={onKey}
    >
      {hits.map((h, i) => (
        <div
          key={`${h.fileId}/${h.modelId}`}
          id={optionId(h)}
          role="option"
          aria-selected={h.modelId === selected}
          className={`hit${h.modelId === selected ? ' selected' : ''}${i === active ? ' active' : ''}`}
          data-model={h.modelId}
          onClick={() => {
            setActive(i);
            onChoose(h.modelId);
          }}
        >
          <span translate="no">
            <span className="hit-vendor">{h.vendor}</span> <span className="hit-series">{h.series}</span>
            {h.matched !== h.series ? <span className="hit-matched"> — {h.matched}</span> : null}
          </span>
          {h.origin === 'user' ? <span className="tag">{t('device.imported')}</span> : null}
        </div>
      ))}
    </div>
  );
});
