// The one thing the technician types into the device: this laptop's address, the port and the TLS setting.
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { useApp } from '../../store';
import { captureSel } from '../../store/capture-slice';

export function TypeThisBox() {
  const { t } = useTranslation();
  const capture = useApp(captureSel.capture);
  const running = capture.phase === 'running';
  return (
    <div className={`card type-this ${running ? 'live' : 'ended'}`} data-type-this>
      <h2>{running ? t('capture.typeThis') : t('capture.typeThisEnded')}</h2>
      <table className="table type-this-table">
        <thead>
          <tr>
            <th scope="col">{t('capture.server')}</th>
            <th scope="col">{t('capture.port')}</th>
            <th scope="col">{t('capture.tlsSetting')}</th>
          </tr>
        </thead>
        <tbody>
          {capture.listening.map((l) => (
            <tr key={`${l.address}:${l.port}`} data-listen-port={l.port}>
              <td>
                <code className="big-value">{l.address}</code>{' '}
                <CopyButton value={l.address} label={t('capture.server')} />
              </td>
              <td>
                <code className="big-value">{l.port}</code>
              </td>
              <td>{l.implicitTls ? t('capture.tlsImplicit') : t('capture.tlsStarttls')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {capture.fingerprint ? (
        <p className="hint">
          {t('capture.certificate')} <code>{capture.fingerprint}</code>
        </p>
      ) : null}
    </div>
  );
}
