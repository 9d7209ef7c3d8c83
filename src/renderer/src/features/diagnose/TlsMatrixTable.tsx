// TLS versions × key exchange: what the server accepted vs what this device offers.
import { useTranslation } from 'react-i18next';
import { SUBMISSION_HOST } from '../../../../shared/exchange-online';
import { StatusBadge } from '../../components/StatusBadge';
import type { MatrixRow } from '../../lib/tls-matrix';
import { visible } from '../../lib/visible-text';

export function TlsMatrixTable({ rows }: { rows: readonly MatrixRow[] }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean | null) =>
    v === null ? t('tls.unknown') : v ? `✔ ${t('tls.yes')}` : `✖ ${t('tls.no')}`;
  return (
    <div className="card">
      <h2>{t('tls.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('tls.noData')}</p>
      ) : (
        <table className="table tls-matrix">
          <thead>
            <tr>
              <th scope="col">{t('method.server')}</th>
              <th scope="col">{t('tls.version')}</th>
              <th scope="col">{t('tls.keyExchange')}</th>
              <th scope="col">{t('tls.server')}</th>
              <th scope="col">{t('tls.device')}</th>
              <th scope="col">{t('tls.result')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const works = r.server === true && r.device === true;
              const relevant = r.device !== false;
              return (
                <tr key={i} className={relevant ? undefined : 'dim'}>
                  {/* The endpoint by its host (submission) or MX, never the internal endpoint id. */}
                  <td translate="no">{r.endpoint === 'submission' ? SUBMISSION_HOST : 'MX'}</td>
                  <td>TLS {r.version}</td>
                  <td>{r.kex === 'any' ? '—' : r.kex.toUpperCase()}</td>
                  <td title={visible(r.detail, 300)}>{yesNo(r.server)}</td>
                  <td>{yesNo(r.device)}</td>
                  <td>
                    {r.device === true ? (
                      <StatusBadge
                        status={works ? 'pass' : 'fail'}
                        label={works ? t('tls.works') : t('tls.fails')}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
