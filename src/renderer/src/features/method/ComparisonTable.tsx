// Seed 001's comparison of the three methods ("オプションの比較"), as a reference table.
import { useTranslation } from 'react-i18next';
import type { Method } from '../../../../shared/model';

export const COMPARISON_ROWS = [
  'internal',
  'internet',
  'antispam',
  'thirdParty',
  'sentItems',
  'port',
  'tls',
  'auth',
  'limits',
] as const;
const GROUP_START: Partial<
  Record<(typeof COMPARISON_ROWS)[number], 'features' | 'requirements' | 'limitations'>
> = {
  internal: 'features',
  port: 'requirements',
  limits: 'limitations',
};
const COLUMNS: readonly Method[] = ['submission', 'direct-send', 'relay'];

export function ComparisonTable({ highlight }: { highlight: Method | null }) {
  const { t } = useTranslation();
  return (
    <table className="table comparison">
      <caption>{t('comparison.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('comparison.feature')}</th>
          {COLUMNS.map((m) => (
            <th scope="col" key={m} className={highlight === m ? 'col-highlight' : undefined}>
              {t(`method.name.${m}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {COMPARISON_ROWS.flatMap((row) => {
          const group = GROUP_START[row];
          const rows = [];
          if (group)
            rows.push(
              <tr key={`g-${group}`} className="group-row">
                <th colSpan={4} scope="colgroup">
                  {t(`comparison.group.${group}`)}
                </th>
              </tr>,
            );
          rows.push(
            <tr key={row}>
              <th scope="row">{t(`comparison.rows.${row}.label`)}</th>
              {COLUMNS.map((m) => (
                <td key={m} className={highlight === m ? 'col-highlight' : undefined}>
                  {t(`comparison.rows.${row}.${m}`)}
                </td>
              ))}
            </tr>,
          );
          return rows;
        })}
      </tbody>
    </table>
  );
}
