// Job + device → the advisor's input (src/shared/methods.ts), and its advice → what the ranking shows.
import { AdvisorInputSchema, adviseMethods, type Advice, type AdvisorInput } from '../../../../shared/methods';
import type { Lang } from '../../../../shared/model';
import type { ModelProfile } from '../../../../shared/profiles-resolve';
import type { Job } from '../../store/types';
import type { RankedMethodView } from './AdvisorRanking';

const blank = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

export function advisorInput(job: Job, model: ModelProfile | null, now: Date): AdvisorInput {
  const c = model?.capabilities;
  const a = job.answers;
  return {
    // Unknown recipients → plan for external ones: the stricter need.
    recipients: a.externalRecipients === 'no' ? 'internal' : 'external',
    deviceTlsMax: c ? c.maxTls.value : '1.2',
    cipherFamily: c ? c.cipherFamily.value : 'any',
    supportsAuth: c ? c.authMechanisms.value.length > 0 : true,
    supportsOAuth: c ? c.oauth.value : false,
    staticIp: blank(job.staticIp) ?? a.staticIp === 'yes',
    tenantSmtpAuth: a.smtpAuth,
    securityDefaults: a.securityDefaults,
    rejectDirectSend: a.rejectDirectSend,
    serverFieldMaxLength: c ? c.serverFieldMaxLength.value : null,
    domain: blank(job.domain),
    mxHost: blank(job.mxHost),
    mailbox: blank(job.mailbox),
    now,
  };
}

export type AdviceResult = { ok: true; advice: Advice } | { ok: false; errors: string[] };

export function adviseFor(job: Job, model: ModelProfile | null, now: Date): AdviceResult {
  const parsed = AdvisorInputSchema.safeParse(advisorInput(job, model, now));
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  return { ok: true, advice: adviseMethods(parsed.data) };
}

const SEVERITY = { blocker: 'error', warning: 'warning', plus: 'info' } as const;

export function rankingView(advice: Advice, lang: Lang): RankedMethodView[] {
  return advice.methods.map((m) => ({
    method: m.method,
    score: m.score,
    viable: m.viable,
    reasons: m.reasons.map((r) => ({ code: r.code, text: r.text[lang], severity: SEVERITY[r.effect] })),
    settings: {
      server: m.settings.host ?? m.settings.server[lang],
      port: String(m.settings.port),
      tls: m.settings.tls[lang],
      auth: m.settings.auth[lang],
      sender: m.settings.senderRule[lang],
      ...(m.settings.spfRecord ? { spfRecord: m.settings.spfRecord } : {}),
      notes: m.settings.notes.map((n) => n[lang]),
    },
  }));
}
