// Where a claim comes from: the vendor's own document, or "check on the device".
import { useTranslation } from 'react-i18next';
import type { ResolvedClaim } from '../../../../shared/profiles-resolve';

export function Provenance({ claim }: { claim: Pick<ResolvedClaim<unknown>, 'verified' | 'sources'> }) {
  const { t } = useTranslation();
  const titles = claim.sources.map((s) => s.title).join(' · ');
  return claim.verified ? (
    <span className="prov prov-verified" title={titles} translate="no">
      <span aria-hidden="true">✔</span> {t('device.vendorDoc')}
    </span>
  ) : (
    <span className="prov prov-check" title={titles} translate="no">
      <span aria-hidden="true">⚠</span> {t('device.checkOnDevice')}
    </span>
  );
}
