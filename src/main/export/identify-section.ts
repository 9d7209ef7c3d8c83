// The report's "device identification" part: what identify (SNMP + IPP) saw at the device and which profile it
// matched, with how sure. Its own labels (ja/en) so the shared label table stays untouched. Device strings are
// escaped by the caller's `t` (HTML) like every other server-supplied text.
import type { JobDevice } from '../../shared/report';
import type { Lang } from '../../shared/model';

const L = {
  ja: {
    title: '機器の検出（SNMP / IPP）',
    address: 'アドレス',
    outcome: '結果',
    vendor: '機器メーカー',
    model: '機種',
    firmware: 'ファームウェア',
    serial: 'シリアル番号',
    profile: 'プロファイル',
    generation: 'ファームウェア世代',
    notDetermined: '特定できず（機器で確認）',
    outcomes: {
      identified: '特定',
      'vendor-only': 'メーカーのみ',
      unknown: '不明',
      'not-a-printer': 'プリンターではない',
      'no-answer': '応答なし',
      cancelled: '中止',
    },
    confidence: { high: '高', medium: '中', low: '低' },
  },
  en: {
    title: 'Device identification (SNMP / IPP)',
    address: 'Address',
    outcome: 'Result',
    vendor: 'Vendor',
    model: 'Model',
    firmware: 'Firmware',
    serial: 'Serial number',
    profile: 'Profile',
    generation: 'Firmware generation',
    notDetermined: 'not determined (check on the device)',
    outcomes: {
      identified: 'identified',
      'vendor-only': 'vendor only',
      unknown: 'unknown',
      'not-a-printer': 'not a printer',
      'no-answer': 'no answer',
      cancelled: 'cancelled',
    },
    confidence: { high: 'high', medium: 'medium', low: 'low' },
  },
} as const;

/** Label/value rows of the identification (empty when identify was not run). Values are raw: the caller escapes. */
export function identifyRows(device: JobDevice, lang: Lang): { title: string; rows: [string, string][] } {
  const e = device.identified;
  const l = L[lang];
  if (!e) return { title: l.title, rows: [] };
  const rows: [string, string | null | undefined][] = [
    [l.address, e.address],
    [l.outcome, l.outcomes[e.outcome]],
    [
      l.vendor,
      e.vendor
        ? `${e.vendor.name}${e.vendor.enterprise !== undefined ? ` (sysObjectID ${e.vendor.enterprise})` : ''}`
        : null,
    ],
    [l.model, e.model],
    [l.firmware, e.firmware],
    [l.serial, e.serial],
    [
      l.profile,
      e.match
        ? `${e.match.vendor} ${e.match.series} (${e.match.modelId}, ${l.confidence[e.match.confidence]})`
        : null,
    ],
    [l.generation, e.match ? (e.match.generationId ?? l.notDetermined) : null],
    ['sysDescr', e.snmp.values.sysDescr],
    ['sysObjectID', e.snmp.values.sysObjectID],
    ['printer-make-and-model', e.ipp.values['printer-make-and-model']],
  ];
  return {
    title: l.title,
    rows: rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== ''),
  };
}
