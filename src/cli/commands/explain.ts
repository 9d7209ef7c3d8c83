// `device-mail-doctor explain "<text>" | -`: what an SMTP reply / NDR / client error means and who must act.
// Exit 0 = recognised, nothing wrong (e.g. a 250 reply); 1 = problems found; 2 = bad input; 3 = internal error; 4 = not recognised.
import { parseArgs } from 'node:util';
import { renderFinding } from '../../shared/findings/catalog';
import { NDR_NEXT_STEP, looksLikeNdr } from '../../shared/findings/ndr-wrapper';
import { findReply } from '../../shared/findings/reply';
import { pickPrimary, rankFindings, renderPrimary, type PrimaryFinding } from '../../shared/findings/primary';
import type { Actor, FindingRef, Lang, RenderedFinding } from '../../shared/model';
import { classifyOauthText } from '../../shared/oauth/classify-oauth';
import { ACTOR_LABELS } from '../../shared/vocabulary';
import {
  EXIT_NOT_RECOGNISED,
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  parseLang,
  printable,
  writeJson,
  type CliCommand,
  type CliIo,
} from '../io';
import { explainVendorLookup } from '../vendor-codes-quick';
import { vendorJson, writeVendorHuman } from '../vendor-codes-render';

/** Largest accepted input, in bytes (argument or stdin); more is refused rather than silently cut. */
export const MAX_INPUT_BYTES = 1_000_000;
/** Share of control characters (besides tab/CR/LF) above which input counts as binary. */
const MAX_CONTROL_SHARE = 0.1;

const HELP = `Usage: device-mail-doctor explain "<reply or error text>" [--vendor NAME] [--model ID] [--json] [--lang ja|en]
       device-mail-doctor explain - [--json] [--lang ja|en]     (read the text from stdin, up to 1 MB)

Explains an SMTP reply, NDR line, printer log line, client error or sign-in error (AADSTS...): cause, fix and
who must act. A pasted AUTH XOAUTH2 line is decoded to read the token's claims; the token is never printed.
A device's own code or message (e.g. Xerox "016-764", Sharp "Token update failed") is looked up in the
vendors' published codes; --vendor / --model narrow it to one vendor or model and say when it publishes none.
The finding to fix first comes first (same ranking as diagnose).
Exit codes: 0 recognised, nothing wrong (e.g. a 250 reply), 1 problems found, 2 bad input,
            4 not recognised (nothing in the text is known: run diagnose or capture, or paste the full reply).
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
  if (text.trim() === '')
    throw new UsageError('no text to explain (give the reply or error text, or - for stdin)');
  if (Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES)
    throw new UsageError(`input is larger than ${MAX_INPUT_BYTES} bytes`);
  if (text.includes('\0')) throw new UsageError('input contains NUL bytes (binary data?)');
  const sample = text.slice(0, 64 * 1024);
  const controls = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls / sample.length > MAX_CONTROL_SHARE)
    throw new UsageError('input looks like binary data, not text');
}

const LABELS: Record<
  Lang,
  {
    cause: string;
    fix: string;
    actor: string;
    evidence: string;
    none: string;
    primary: string;
    notRecognised: string;
    next: string[];
    likely: string;
    nextCheck: string;
    source: string;
    unverified: string;
    actors: Record<Actor, string>;
  }
> = {
  ja: {
    cause: '原因',
    fix: '対処',
    actor: '対応する人',
    evidence: '根拠',
    none: '問題のない応答です (成功・途中経過の応答)。',
    primary: '最初に直す検出事項',
    likely: '考えられる原因（可能性の高い順）',
    nextCheck: '次に行う確認',
    source: '出典',
    unverified: '未確認',
    notRecognised:
      '認識できませんでした: この文には、このツールが知っている応答やエラーが見つかりません。問題がないという意味ではありません。',
    next: [
      '機器の画面やログに出たエラーを、応答コード (例: 535 5.7.139) を含めて全文そのまま貼り付けてください。',
      'npx device-mail-doctor diagnose で、この PC から同じ送信方法を試してください。',
      'npx device-mail-doctor capture で、機器が実際に送っている内容を記録してください。',
    ],
    actors: ACTOR_LABELS.ja,
  },
  en: {
    cause: 'Cause',
    fix: 'Fix',
    actor: 'Who acts',
    evidence: 'Evidence',
    none: 'A success or intermediate reply: nothing wrong.',
    primary: 'Fix first',
    likely: 'Likely causes (most likely first)',
    nextCheck: 'Next check',
    source: 'Source',
    unverified: 'unverified',
    notRecognised:
      'Not recognised: nothing in this text is a reply or error this tool knows. That does not mean nothing is wrong.',
    next: [
      "Paste the full error from the device's screen or log, including the reply code (e.g. 535 5.7.139).",
      'Run npx device-mail-doctor diagnose to try the same method from this PC.',
      'Run npx device-mail-doctor capture to record what the device really sends.',
    ],
    actors: ACTOR_LABELS.en,
  },
};

/** Lines examined for a success reply (bounded like the classifier). */
const MAX_OK_LINES = 200;

/** True when the text holds an SMTP reply that is not a failure (2xx / 3xx): recognised, nothing wrong. */
function hasOkReply(text: string): boolean {
  return text
    .slice(0, 64 * 1024)
    .split(/\r\n|\r|\n/, MAX_OK_LINES)
    .some((line) => {
      const r = findReply(line);
      return r !== null && r.hasBasic && r.code < 400;
    });
}

/** Severity in the reader's language (glossary: 失敗 / 注意 / 情報), never the internal value. */
const SEVERITY_WORDS: Record<Lang, Record<RenderedFinding['severity'], string>> = {
  ja: { error: '失敗', warning: '注意', info: '情報' },
  en: { error: 'failed', warning: 'warning', info: 'info' },
};

/** Next steps for an unrecognised text; an NDR without its reply line first gets where to find that line. */
function nextSteps(text: string, lang: Lang): string[] {
  return looksLikeNdr(text) ? [NDR_NEXT_STEP[lang], ...LABELS[lang].next] : LABELS[lang].next;
}

function writeHuman(
  io: CliIo,
  findings: RenderedFinding[],
  lang: Lang,
  recognised: boolean,
  next: readonly string[],
): void {
  const l = LABELS[lang];
  if (!recognised) {
    io.stdout.write(`${l.notRecognised}\n${next.map((n) => `  - ${n}`).join('\n')}\n`);
    return;
  }
  if (findings.length === 0) {
    io.stdout.write(`${l.none}\n`);
    return;
  }
  const first = findings[0];
  if (first && first.severity !== 'info')
    io.stdout.write(
      `${l.primary}: ${first.title} (${first.code}) — ${l.actor}: ${l.actors[first.actor]}\n\n`,
    );
  for (const f of findings) {
    io.stdout.write(`[${SEVERITY_WORDS[lang][f.severity]}] ${f.code}: ${f.title}\n`);
    io.stdout.write(`  ${l.actor}: ${l.actors[f.actor]}\n  ${l.cause}: ${f.cause}\n  ${l.fix}: ${f.fix}\n`);
    if (f.powershell !== undefined) io.stdout.write(`  PowerShell: ${f.powershell}\n`);
    for (const e of f.evidence ?? []) io.stdout.write(`  ${l.evidence}: ${printable(e, 300)}\n`);
    if (f.family !== undefined) {
      io.stdout.write(
        `  ${l.likely}: ${f.family.candidates.map((c) => `${c.code} (${c.title})`).join(', ')}\n`,
      );
      io.stdout.write(`  ${l.nextCheck}: ${f.family.nextCheck}\n`);
    }
    for (const s of f.sources ?? []) {
      io.stdout.write(
        `  ${l.source}: ${s.url} (${s.read}${s.verified === false ? `, ${l.unverified}` : ''})\n`,
      );
    }
    io.stdout.write('\n');
  }
}

/** Explains one text: findings ranked (shared/findings/primary.ts), the primary first; whether anything was known. */
/** Explains a text: OAuth-aware (AADSTS texts; an AUTH XOAUTH2 line is decoded, never echoed), ranked, primary first. */
export function explainText(
  text: string,
  lang: Lang,
  refs: readonly FindingRef[] = classifyOauthText(text).findings,
): { recognised: boolean; primaryFinding: PrimaryFinding | null; findings: RenderedFinding[] } {
  const located = refs.map((ref) => ({ ref, checkId: null, onPath: true }));
  const ranked = rankFindings(located);
  return {
    recognised: ranked.length > 0 || hasOkReply(text),
    primaryFinding: renderPrimary(pickPrimary(located, true), lang),
    findings: ranked.map((l) => renderFinding(l.ref, lang)),
  };
}

export const explainCommand: CliCommand = {
  name: 'explain',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        lang: { type: 'string' },
        vendor: { type: 'string' },
        model: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help === true) {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    const lang = parseLang(values.lang, io.env);
    if (positionals.length === 0)
      throw new UsageError('no text to explain (give the reply or error text, or - for stdin)');
    if (positionals.length > 1)
      throw new UsageError('give the text as one argument (quote it), or - to read stdin');
    const arg = positionals[0] ?? '';
    const text = arg === '-' ? await readStdin(io.stdin) : arg;
    checkText(text);
    // The vendor lookup reads the text with every token hidden.
    const oauth = classifyOauthText(text);
    const device = await explainVendorLookup(oauth.safeText, { vendor: values.vendor, model: values.model });
    const explained = explainText(oauth.safeText, lang, oauth.findings);
    const { primaryFinding, findings } = explained;
    const recognised = explained.recognised || device.matches.length > 0;
    const deviceSpoke = device.matches.length > 0 || device.nothingPublished.length > 0;
    if (values.json === true) {
      writeJson(io, {
        recognised,
        primaryFinding,
        findings: findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          actor: f.actor,
          title: f.title,
          cause: f.cause,
          fix: f.fix,
          ...(f.family !== undefined ? { family: f.family } : {}),
          sources: f.sources ?? [],
        })),
        ...(deviceSpoke ? { device: vendorJson(device, lang) } : {}),
        ...(recognised ? {} : { next: nextSteps(oauth.safeText, lang) }),
      });
    } else {
      writeVendorHuman(io, device, lang);
      if (!(findings.length === 0 && device.matches.length > 0))
        writeHuman(io, findings, lang, recognised, nextSteps(oauth.safeText, lang));
    }
    if (!recognised) return EXIT_NOT_RECOGNISED;
    return device.matches.length > 0 || findings.some((f) => f.severity !== 'info') ? EXIT_PROBLEMS : EXIT_OK;
  },
};
