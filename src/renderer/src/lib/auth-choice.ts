// The one sign-in choice (基本認証 / OAuth) as every screen reads it: the advisor's input, the checklist's path and
// the diagnose form's fields all come from here, so they can never disagree.
import type { ModelProfile } from '../../../shared/profiles-resolve';
import type { AuthChoice, Job, QuestionKey } from '../store/types';

/** True when the device may sign in with OAuth (XOAUTH2): its profile says so, or no model is chosen (then the
 *  technician knows best). A model whose profile says no OAuth can only use 基本認証. */
export function oauthOffered(model: ModelProfile | null | undefined): boolean {
  return model ? model.capabilities.oauth.value === true : true;
}

/** The sign-in in force: the technician's choice when the model offers OAuth, else 基本認証. */
export function effectiveAuth(job: Pick<Job, 'auth'>, model: ModelProfile | null | undefined): AuthChoice {
  return oauthOffered(model) && job.auth === 'oauth' ? 'oauth' : 'basic';
}

const QUESTION_KEYS: readonly QuestionKey[] = [
  'auth',
  'externalRecipients',
  'smtpAuth',
  'securityDefaults',
  'rejectDirectSend',
  'staticIp',
];

/** Persisted storage may be edited or older: keep only known question keys, once each. */
export function validAnswered(v: unknown): QuestionKey[] {
  if (!Array.isArray(v)) return [];
  return QUESTION_KEYS.filter((k) => v.includes(k));
}

export function validAuth(v: unknown): AuthChoice | null {
  return v === 'basic' || v === 'oauth' ? v : null;
}
