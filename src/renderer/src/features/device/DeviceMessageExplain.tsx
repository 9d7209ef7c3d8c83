// "What does the device show?": the technician types the code or message from the panel, web page or transmission
// report; it is looked up in this model's vendor codes (with their source) and read as an SMTP reply too.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { renderFinding } from '../../../../shared/findings/catalog';
import { classify } from '../../../../shared/findings/classify';
import type { ModelProfile } from '../../../../shared/profiles-resolve';
import { lookupVendorCodes } from '../../../../shared/vendor-codes';
import { Field } from '../../components/Field';
import { currentLang } from '../../i18n';
import { useApp } from '../../store';
import { catalogSel } from '../../store/selectors';
import { Provenance } from './Provenance';

/** Longest text accepted in the box (a transmission report line or two). */
const MAX_DEVICE_TEXT_CHARS = 2000;

export function DeviceMessageExplain({ model }: { model: ModelProfile }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const files = useApp(catalogSel.files);
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const result = useMemo(() => {
    if (asked === null || asked.trim() === '') return null;
    const device = lookupVendorCodes(files, asked, { modelId: model.id });
    const replies = classify({ text: asked }).map((ref) => renderFinding(ref, lang));
    return { device, replies };
  }, [asked, files, model.id, lang]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(text.slice(0, MAX_DEVICE_TEXT_CHARS));
  };
  return (
    <section className="device-explain" aria-labelledby="device-explain-title">
      <h3 id="device-explain-title">{t('vendorUi.explainTitle')}</h3>
      <form onSubmit={submit}>
        <Field label={t('vendorUi.explainLabel')}>
          {(id) => (
            <input
              id={id}
              name="device-message"
              type="text"
              value={text}
              maxLength={MAX_DEVICE_TEXT_CHARS}
              placeholder={t('vendorUi.explainPlaceholder')}
              onChange={(e) => setText(e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <button type="submit" className="btn">
          {t('vendorUi.explainButton')}
        </button>
      </form>
      {result ? (
        <div className="device-explain-result" role="status">
          {result.device.matches.map((m) => (
            <div key={`${m.fileId}/${m.id}`} className="card vendor-code" data-code={m.id}>
              <h4>
                {m.vendor} <span className="mono">{m.shown}</span> <Provenance claim={m} />
              </h4>
              <p>
                <strong>{t('vendorUi.vendorSays')}:</strong> {m.meaning[lang]}
              </p>
              <p>
                <strong>{t('vendorUi.smtpSide')}:</strong> {m.smtp[lang]}
              </p>
              {m.findings.length > 0 ? (
                <p>
                  <strong>{t('vendorUi.likely')}:</strong>{' '}
                  <span className="mono">{m.findings.join(', ')}</span>
                </p>
              ) : null}
              <p>
                <strong>{t('vendorUi.next')}:</strong> {m.next[lang]}
              </p>
              <ul className="muted">
                {m.sources.map((s) => (
                  <li key={s.id} translate="no">
                    {s.title}
                    {s.url ? <span className="mono"> — {s.url}</span> : null}
                    {s.read ? ` (${t('vendorUi.read', { date: s.read })})` : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {result.device.matches.length === 0
            ? result.device.nothingPublished.map((n) => (
                <p key={n.vendor} className="muted" data-nothing={n.vendor}>
                  {t('vendorUi.nothingPublished', { vendor: n.vendor })} {n.note?.[lang]}
                </p>
              ))
            : null}
          {result.replies.length > 0 ? (
            <div>
              <h4>{t('vendorUi.replyFindings')}</h4>
              <ul>
                {result.replies.map((f) => (
                  <li key={f.code} data-finding={f.code}>
                    <span className="mono">{f.code}</span> {f.title}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result.device.matches.length === 0 && result.replies.length === 0 ? (
            <p>{t('vendorUi.explainNothing')}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
