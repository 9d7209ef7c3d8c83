// Job + device → the advisor's input (src/shared/methods.ts), and its advice → what the ranking shows.
import {
  AdvisorInputSchema,
  adviseMethods,
  type Advice,
  type AdvisorInput,
} from '../../../../shared/methods';
import type { Lang } from '../../../../shared/model';
import type { ModelProfile } from '../../../../shared/profiles-resolve';
import { questionMatters, type AdvisorQuestion } from '../../../../shared/method-questions';
import { effectiveAuth, oauthOffered } from '../../lib/auth-choice';
import type { Job, QuestionKey } from '../../store/types';
import type { MethodView } from './MethodChoices';

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
    // No model chosen: the device can do what the technician chose for it.
    supportsOAuth: c ? c.oauth.value : job.auth === 'oauth',
    // The one sign-in choice: the advice, the checklist and the diagnosis all follow it.
    signIn: effectiveAuth(job, model),
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
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  return { ok: true, advice: adviseMethods(parsed.data) };
}

const SEVERITY = { blocker: 'error', warning: 'warning', plus: 'info' } as const;

/** Each method as the screen shows it: possible or not, with its reasons (no order number, no score). */
export function methodViews(advice: Advice, lang: Lang): MethodView[] {
  return advice.methods.map((m) => ({
    method: m.method,
    viable: m.viable,
    recommended: advice.recommended === m.method,
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

const ADVISOR_KEY: Record<Exclude<QuestionKey, 'auth'>, AdvisorQuestion> = {
  externalRecipients: 'recipients',
  smtpAuth: 'tenantSmtpAuth',
  securityDefaults: 'securityDefaults',
  rejectDirectSend: 'rejectDirectSend',
  staticIp: 'staticIp',
};
const ORDER: readonly QuestionKey[] = [
  'auth',
  'externalRecipients',
  'smtpAuth',
  'securityDefaults',
  'rejectDirectSend',
  'staticIp',
];

/**
 * The questions the method screen shows, in order: every answered one (it stays editable), then the first
 * unanswered one whose answer could change the advice. The sign-in choice is asked whenever the model offers
 * OAuth: it decides the checklist and the diagnosis even when the recommended method stays the same.
 */
export function questionsToShow(job: Job, model: ModelProfile | null, now: Date): QuestionKey[] {
  const parsed = AdvisorInputSchema.safeParse(advisorInput(job, model, now));
  const shown: QuestionKey[] = [];
  let asked = false;
  for (const key of ORDER) {
    if (key === 'auth' && !oauthOffered(model)) continue;
    if (job.answered.includes(key)) shown.push(key);
    else if (!asked && parsed.success && (key === 'auth' || questionMatters(parsed.data, ADVISOR_KEY[key]))) {
      shown.push(key);
      asked = true;
    }
  }
  return shown;
}
