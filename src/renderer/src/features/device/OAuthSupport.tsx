// The model's OAuth support as the profile states it: delegated sign-in where, app-only, whose Entra app, admin
// consent, minimum firmware — each with its provenance ("vendor document" with the date read, or "check on the device").
import { useTranslation } from 'react-i18next';
import { OAUTH_CLAIM_KEYS, type OAuthClaimKey } from '../../../../shared/profiles';
import type { ModelProfile, ResolvedClaim } from '../../../../shared/profiles-resolve';
import { currentLang } from '../../i18n';
import { Provenance } from './Provenance';

function useValue() {
  const { t } = useTranslation();
  return (key: OAuthClaimKey, value: unknown): string => {
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value !== 'string') return t('vendorUi.notPublished');
    if (key === 'delegated') return t(`vendorUi.delegatedValue.${value}`);
    if (key === 'entraApp') return t(`vendorUi.entraAppValue.${value}`);
    return value;
  };
}

/** The newest read date among a claim's sources, for "read 2026-12-02". */
function readOf(claim: Pick<ResolvedClaim<unknown>, 'sources'>): string | null {
  const dates = claim.sources.map((s) => s.read).filter((d): d is string => typeof d === 'string');
  return dates.length > 0 ? (dates.sort().at(-1) ?? null) : null;
}

export function OAuthSupport({ model }: { model: ModelProfile }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const value = useValue();
  const o = model.oauth;
  return (
    <section className="oauth-support" aria-labelledby="oauth-support-title">
      <h3 id="oauth-support-title">{t('vendorUi.oauthTitle')}</h3>
      {!o ? (
        <p className="muted">{t('vendorUi.oauthNone')}</p>
      ) : (
        <table className="table caps">
          <tbody>
            {OAUTH_CLAIM_KEYS.map((key) => {
              const claim = o[key] as ResolvedClaim<unknown>;
              const read = readOf(claim);
              return (
                <tr key={key} data-oauth={key}>
                  <th scope="row">{t(`vendorUi.${key}`)}</th>
                  <td className="mono">
                    {value(key, claim.value)}
                    {claim.note ? <div className="muted">{claim.note[lang]}</div> : null}
                  </td>
                  <td>
                    <Provenance claim={claim} />
                    {claim.verified && read ? (
                      <div className="muted">{t('vendorUi.read', { date: read })}</div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
            {(['where', 'values'] as const).map((key) => {
              const text = o[key];
              if (!text) return null;
              return (
                <tr key={key} data-oauth={key}>
                  <th scope="row">{t(`vendorUi.${key}`)}</th>
                  <td>{text[lang]}</td>
                  <td>
                    <Provenance claim={text} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
