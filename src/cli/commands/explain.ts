// `device-mail-doctor explain "<text>" | -`: what an SMTP reply / NDR / client error means and who must act.
// Exit 0 = nothing wrong recognised, 1 = problems found, 2 = bad input.
import { parseArgs } from 'node:util';
import { renderFinding } from '../../shared/findings/catalog';
import { classify } from '../../shared/findings/classify';
import type { Actor, Lang, RenderedFinding } from '../../shared/model';
import { ACTOR_LABELS } from '../../shared/vocabulary';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, parseLang, printable, writeJson, type CliCommand, type CliIo } from '../io';
import { vendorJson, vendorLookup, writeVendorHuman } from '../vendor-codes-cli';

/** Largest accepted input, in bytes (argument or stdin); more is refused rather than silently cut. */
export const MAX_INPUT_BYTES = 1_000_000;
/** Share of control characters (besides tab/CR/LF) above which input counts as binary. */
const MAX_CONTROL_SHARE = 0.1;

const HELP = `Usage: device-mail-doctor explain "<reply or error text>" [--vendor NAME] [--model ID] [--json] [--lang ja|en]
       device-mail-doctor explain - [--json] [--lang ja|en]     (read the text from stdin, up to 1 MB)

Explains an SMTP reply, NDR line, printer log line or client error: cause, fix and who must act.
A device's own code or message (e.g. Xerox "016-764", Sharp "Token update failed") is looked up in the
vendors' published codes; --vendor / --model narrow it to one vendor or model and say when it publishes none.
Exit codes: 0 nothing wrong recognised, 1 problems found, 2 bad input.
`;

/** Reads stdin as UTF-8, refusing more than MAX_INPUT_BYTES and invalid UTF-8. */
async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.length;
    if (total > MAX_INPUT_BYTES) throw new UsageError(`input is larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(buf);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new UsageError('input is not UTF-8 text (binary data?)');
  }
}

/** Refuses empty, oversized and binary text with one clear line. */
export function checkText(text: string): void {
  if (text.trim() === '') throw new UsageError('no text to explain (give the reply or error text, or - for stdin)');
  if (Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) throw new UsageError(`input is larger than ${MAX_INPUT_BYTES} bytes`);
  if (text.includes('\0')) throw new UsageError('input contains NUL bytes (binary data?)');
  const sample = text.slice(0, 64 * 1024);
  const controls = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls / sample.length > MAX_CONTROL_SHARE) throw new UsageError('input looks like binary data, not text');
}

interface Labels {
  cause: string; fix: string; actor: string; evidence: string; none: string; likely: string; next: string; source: string; unverified: string;
  actors: Record<Actor, string>;
}

const LABELS: Record<Lang, Labels> = {
  ja: {
    cause: '原因', fix: '対処', actor: '対応者', evidence: '根拠', none: '既知の問題は見つかりませんでした。',
    likely: '考えられる原因 (可能性の高い順)', next: '次に行う確認', source: '出典', unverified: '未確認',
    actors: ACTOR_LABELS.ja,
  },
  en: {
    cause: 'Cause', fix: 'Fix', actor: 'Who acts', evidence: 'Evidence', none: 'No known problem found.',
    likely: 'Likely causes (most likely first)', next: 'Next check', source: 'Source', unverified: 'unverified',
    actors: ACTOR_LABELS.en,
  },
};

/** Severity in the reader's language (glossary: 失敗 / 注意 / 情報), never the internal value. */
const SEVERITY_WORDS: Record<Lang, Record<RenderedFinding['severity'], string>> = {
  ja: { error: '失敗', warning: '注意', info: '情報' },
  en: { error: 'failed', warning: 'warning', info: 'info' },
};

function writeHuman(io: CliIo, findings: RenderedFinding[], lang: Lang): void {
  const l = LABELS[lang];
  if (findings.length === 0) {
    io.stdout.write(`${l.none}\n`);
    return;
  }
  for (const f of findings) {
    io.stdout.write(`[${SEVERITY_WORDS[lang][f.severity]}] ${f.code}: ${f.title}\n`);
    io.stdout.write(`  ${l.actor}: ${l.actors[f.actor]}\n  ${l.cause}: ${f.cause}\n  ${l.fix}: ${f.fix}\n`);
    if (f.powershell !== undefined) io.stdout.write(`  PowerShell: ${f.powershell}\n`);
    for (const e of f.evidence ?? []) io.stdout.write(`  ${l.evidence}: ${printable(e, 300)}\n`);
    if (f.family !== undefined) {
      io.stdout.write(`  ${l.likely}: ${f.family.candidates.map((c) => `${c.code} (${c.title})`).join(', ')}\n`);
      io.stdout.write(`  ${l.next}: ${f.family.nextCheck}\n`);
    }
    for (const s of f.sources ?? []) {
      io.stdout.write(`  ${l.source}: ${s.url} (${s.read}${s.verified === false ? `, ${l.unverified}` : ''})\n`);
    }
    io.stdout.write('\n');
  }
}

export const explainCommand: CliCommand = {
  name: 'explain',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, lang: { type: 'string' }, vendor: { type: 'string' }, model: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help === true) {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    const lang = parseLang(values.lang, io.env);
    if (positionals.length === 0) throw new UsageError('no text to explain (give the reply or error text, or - for stdin)');
    if (positionals.length > 1) throw new UsageError('give the text as one argument (quote it), or - to read stdin');
    const arg = positionals[0] ?? '';
    const text = arg === '-' ? await readStdin(io.stdin) : arg;
    checkText(text);
    const device = await vendorLookup(text, { vendor: values.vendor, model: values.model });
    const findings = classify({ text }).map((ref) => renderFinding(ref, lang));
    const deviceSpoke = device.matches.length > 0 || device.nothingPublished.length > 0;
    if (values.json === true) {
      writeJson(io, {
        findings: findings.map((f) => ({
          code: f.code, severity: f.severity, actor: f.actor, title: f.title, cause: f.cause, fix: f.fix,
          ...(f.family !== undefined ? { family: f.family } : {}),
          sources: f.sources ?? [],
        })),
        ...(deviceSpoke ? { device: vendorJson(device, lang) } : {}),
      });
    } else {
      writeVendorHuman(io, device, lang);
      if (!(findings.length === 0 && device.matches.length > 0)) writeHuman(io, findings, lang);
    }
    return device.matches.length > 0 || findings.some((f) => f.severity !== 'info') ? EXIT_PROBLEMS : EXIT_OK;
  },
};
