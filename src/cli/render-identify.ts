// Human text for `identify`: what answered, what it said, which profile and how sure, in Japanese or English.
// Every device string passes printable() (control characters and bidi marks neutralised) before it is written.
import type { IdentifyEvidence, IdentifyOutcome, ProbeStatus } from '../shared/identify';
import { profileRefOf } from '../shared/identify';
import type { Lang } from '../shared/model';
import { printable } from './io';

const L = {
  ja: {
    title: '機器の検出',
    snmp: 'SNMP',
    ipp: 'IPP',
    port: 'ポート',
    vendor: '機器メーカー',
    model: '機種',
    firmware: 'ファームウェア',
    serial: 'シリアル番号',
    profile: 'プロファイル',
    confidence: { high: '確度: 高', medium: '確度: 中', low: '確度: 低' },
    because: '根拠',
    generation: 'ファームウェア世代',
    genUnknown: '特定できません（機器の画面で確認してください）',
    notReported: '（報告なし）',
    unverified: '未検証',
    use: '診断で使う',
    status: {
      answered: '応答あり',
      'no-answer': '応答なし',
      refused: '接続拒否',
      'not-ipp': 'IPP ではない',
      error: 'エラー',
      cancelled: '中止',
      skipped: 'スキップ',
    } satisfies Record<ProbeStatus, string>,
    outcome: {
      identified: '機種を特定しました。',
      'vendor-only':
        '機器メーカーは分かりましたが、機種はプロファイルにありません。メーカーのプロファイルから選ぶか「その他の複合機」を使ってください。',
      unknown:
        'プリンターは応答しましたが、一致するプロファイルがありません。「その他の複合機」（--device-profile generic-mfp）を使い、機器のメニューで確認してください。',
      'not-a-printer':
        'SNMP は応答しましたが、プリンター（Printer-MIB / IPP）ではありません。アドレスを確認してください。',
      'no-answer':
        'SNMP にも IPP にも応答がありません。アドレス、SNMP コミュニティ名、機器の SNMP/IPP 設定、途中のファイアウォールを確認してください。',
      cancelled: '検出を中止しました。',
    } satisfies Record<IdentifyOutcome, string>,
  },
  en: {
    title: 'Device detection',
    snmp: 'SNMP',
    ipp: 'IPP',
    port: 'port',
    vendor: 'Vendor',
    model: 'Model',
    firmware: 'Firmware',
    serial: 'Serial number',
    profile: 'Profile',
    confidence: { high: 'confidence: high', medium: 'confidence: medium', low: 'confidence: low' },
    because: 'Because',
    generation: 'Firmware generation',
    genUnknown: 'not determined (check on the device)',
    notReported: '(not reported)',
    unverified: 'unverified',
    use: 'Use in diagnose',
    status: {
      answered: 'answered',
      'no-answer': 'no answer',
      refused: 'refused',
      'not-ipp': 'not IPP',
      error: 'error',
      cancelled: 'cancelled',
      skipped: 'skipped',
    } satisfies Record<ProbeStatus, string>,
    outcome: {
      identified: 'Model identified.',
      'vendor-only':
        'The vendor is known but the model is in no profile: pick one of the vendor\'s profiles or use "Other MFP".',
      unknown:
        'A printer answered but no profile matches. Use "Other MFP" (--device-profile generic-mfp) and check the device menus.',
      'not-a-printer':
        'An SNMP agent answered, but it is not a printer (no Printer-MIB, no IPP). Check the address.',
      'no-answer':
        "Neither SNMP nor IPP answered. Check the address, the SNMP community, the device's SNMP/IPP settings and any firewall in between.",
      cancelled: 'Detection cancelled.',
    } satisfies Record<IdentifyOutcome, string>,
  },
} as const;

export function renderIdentify(e: IdentifyEvidence, lang: Lang): string {
  const l = L[lang];
  const p = (s: string, max = 200): string => printable(s, max);
  const out: string[] = [`${l.title}: ${p(e.address)}`];
  const snmpHead = `${l.snmp} (${e.snmp.version ? `${e.snmp.version}, ` : ''}${l.port} ${e.snmp.port}): ${l.status[e.snmp.status]}`;
  out.push(`  ${snmpHead}${e.snmp.message ? ` — ${p(e.snmp.message)}` : ''}`);
  for (const [k, v] of Object.entries(e.snmp.values)) out.push(`    ${k}: ${p(v)}`);
  out.push(
    `  ${l.ipp} (${l.port} ${e.ipp.port}${e.ipp.path ? ` ${e.ipp.path}` : ''}): ${l.status[e.ipp.status]}${e.ipp.message ? ` — ${p(e.ipp.message)}` : ''}`,
  );
  for (const [k, v] of Object.entries(e.ipp.values)) out.push(`    ${k}: ${p(v)}`);
  out.push('');
  if (e.vendor) {
    const ent =
      e.vendor.enterprise !== undefined
        ? ` (sysObjectID enterprise ${e.vendor.enterprise}${e.vendor.verified ? '' : `, ${l.unverified}`})`
        : '';
    out.push(`${l.vendor}: ${p(e.vendor.name)}${ent}`);
  }
  if (e.model) out.push(`${l.model}: ${p(e.model)}`);
  if (e.snmp.status === 'answered' || e.ipp.status === 'answered') {
    out.push(`${l.firmware}: ${e.firmware ? p(e.firmware) : l.notReported}`);
    if (e.serial) out.push(`${l.serial}: ${p(e.serial)}`);
  }
  if (e.match) {
    const m = e.match;
    out.push(`${l.profile}: ${m.modelId} — ${p(m.vendor)} ${p(m.series)} (${l.confidence[m.confidence]})`);
    for (const r of m.reasons) {
      const src = r.sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join('; ');
      out.push(
        `  ${l.because}: ${r.kind} ${r.field} "${p(r.value, 80)}" ~ ${p(r.matched, 80)}${src ? ` [${p(src, 300)}]` : ''}`,
      );
    }
    out.push(`  ${l.generation}: ${m.generationId ?? l.genUnknown}`);
    out.push(`  ${l.use}: --device-profile ${profileRefOf(m)}`);
    for (const a of e.alternatives) out.push(`  (${a.modelId}: ${l.confidence[a.confidence]})`);
  }
  out.push('', l.outcome[e.outcome]);
  return `${out.join('\n')}\n`;
}
