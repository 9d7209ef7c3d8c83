// explain's device side, rendering: the vendor-code matches as human lines or JSON. No schema library here, so
// explain of a plain SMTP reply loads none (see vendor-codes-quick.ts).
import type { Lang } from '../shared/model';
import type { VendorCodeResult } from '../shared/vendor-codes';
import type { CliIo } from './io';

const T: Record<Lang, Record<string, string>> = {
  ja: {
    head: '機器の表示',
    unverified: '未確認 — 実機で確認',
    verified: 'メーカー資料',
    meaning: 'メーカーの説明',
    smtp: 'SMTP 側の意味',
    likely: '考えられる検出事項',
    next: '次の確認',
    source: '根拠',
    read: '参照日',
    none: '該当する公開コードはありません。',
  },
  en: {
    head: 'Device message',
    unverified: 'unverified — check on the device',
    verified: 'vendor document',
    meaning: 'Vendor says',
    smtp: 'SMTP side',
    likely: 'Likely findings',
    next: 'Next check',
    source: 'Source',
    read: 'read',
    none: 'no published code matched.',
  },
};

export function writeVendorHuman(io: CliIo, r: VendorCodeResult, lang: Lang): void {
  const t = T[lang];
  for (const m of r.matches) {
    io.stdout.write(`[${t.head}] ${m.vendor} ${m.shown} (${m.verified ? t.verified : t.unverified})\n`);
    io.stdout.write(`  ${t.meaning}: ${m.meaning[lang]}\n  ${t.smtp}: ${m.smtp[lang]}\n`);
    if (m.findings.length > 0) io.stdout.write(`  ${t.likely}: ${m.findings.join(', ')}\n`);
    io.stdout.write(`  ${t.next}: ${m.next[lang]}\n`);
    for (const s of m.sources)
      io.stdout.write(
        `  ${t.source}: ${s.title}${s.url ? ` — ${s.url}` : ''}${s.read ? ` (${t.read} ${s.read})` : ''}\n`,
      );
    io.stdout.write('\n');
  }
  for (const n of r.nothingPublished) {
    io.stdout.write(`[${t.head}] ${n.vendor}: ${t.none}${n.note ? ` ${n.note[lang]}` : ''}\n\n`);
  }
}

export function vendorJson(r: VendorCodeResult, lang: Lang) {
  return {
    matches: r.matches.map((m) => ({
      vendor: m.vendor,
      code: m.shown,
      verified: m.verified,
      meaning: m.meaning[lang],
      smtp: m.smtp[lang],
      next: m.next[lang],
      findings: m.findings,
      sources: m.sources.map((s) => ({
        title: s.title,
        url: s.url,
        read: s.read ?? null,
        vendorDoc: s.vendorDoc,
      })),
    })),
    nothingPublished: r.nothingPublished.map((n) => ({ vendor: n.vendor, note: n.note?.[lang] ?? null })),
  };
}
