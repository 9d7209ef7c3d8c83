// The check registry: every kind of check the engine runs, declared once — its id (built by checkId() from the
// kind and its scope), Japanese/English titles, the shape of its `details`, which methods it decides and which
// checklist proofs it gives. Plans, verdicts, titles, the checklist and the exports read this table; nothing
// parses or pattern-matches check ids. A saved report's id is looked up exactly (lookupCheckId).
// Pure data: no zod, no Node, no DOM.
import type { Lang, Method, TlsVersion } from './model';
import type { SkipReason } from './skip-reasons';
import { METHOD_IDS } from './vocabulary';

/** The two endpoints a diagnosis probes: smtp.office365.com (client submission) and the tenant's MX host. */
export type EndpointKey = 'submission' | 'mx';
export const ENDPOINT_KEYS: readonly EndpointKey[] = ['submission', 'mx'];

/** Methods each endpoint serves. */
export const ENDPOINT_METHODS: Record<EndpointKey, readonly Method[]> = {
  submission: ['submission'],
  mx: ['direct-send', 'relay'],
};

/** What a check is about: one endpoint, one method's typed settings, or the tenant (DNS, connector). */
type ScopeKind = 'endpoint' | 'method' | 'tenant';

/**
 * Checklist facts a diagnosis can prove; a checklist step names the fact it needs (ChecklistStep.verifiedBy).
 * The values are stable strings (they read like the ids of the checks that prove them, as in earlier versions).
 */
export const VERIFIED_BY = {
  mx: 'dns.mx',
  spf: 'dns.spf',
  tcpSubmission: 'tcp.submission',
  /** Proven by the submission endpoint's TLS matrix, certificate and device TLS checks. */
  tlsSubmission: 'tls.submission',
  tcpMx: 'tcp.mx',
  tlsMx: 'tls.mx',
  auth: 'auth',
  mxInternal: 'envelope.mx.internal',
  mxExternal: 'envelope.mx.external',
  /** Only a real test message shows SendAs denial (it arrives after DATA). */
  send: 'send',
} as const;
export type ProofKey = (typeof VERIFIED_BY)[keyof typeof VERIFIED_BY];
const PROOF_KEYS: readonly string[] = Object.values(VERIFIED_BY);
export const isProofKey = (s: string): s is ProofKey => PROOF_KEYS.includes(s);
const P = VERIFIED_BY;

// ---- details: what each kind records (the engine writes exactly these; the renderer and exports read them) ----

/** Present on any check: why it did not run or was cut short. */
export type CommonDetails = {
  /** Why it was skipped (shared/skip-reasons.ts renders it in each language). */
  skip?: SkipReason;
  /** Reports saved before typed reasons: the reason as an English sentence (read by skipReasonOf). */
  skipped?: string;
  interrupted?: string;
  internalError?: string;
  /** Session phase a shared SMTP session ended in. */
  phase?: string;
  note?: string;
};

/** refused-after: the handshake completed but the EHLO after it was refused (Exchange Online's way with 1.0/1.1). */
export type TlsProbeResult = 'accepted' | 'rejected' | 'refused-after' | 'stalled' | 'unavailable' | 'error';

/** One row of the TLS matrix: one version / key exchange tried on its own connection. */
export interface TlsProbeRow {
  /** '1.3', '1.2-ecdhe', '1.2-rsa', '1.1', '1.0', or 'device' (the device's own settings). */
  id: string;
  version: TlsVersion;
  family: 'ecdhe' | 'rsa' | 'any';
  result: TlsProbeResult;
  protocol: string | null;
  cipher: string | null;
  /** Why it was not accepted, or the certificate complaint when the handshake itself worked. */
  reason: string | null;
  ms: number;
}

export type CheckDetailsMap = {
  config: { host: string; port: number };
  'dns.mx': { server?: string; mx?: { priority: number; exchange: string }[]; endpoint?: string };
  'dns.spf': {
    records?: string[];
    record?: string;
    includes?: string[];
    ip4?: string[];
    ip6?: string[];
    all?: string | null;
    lookups?: number;
    tooManyLookups?: boolean;
    egressIp?: string | null;
    egressCovered?: boolean | null;
  };
  'relay.egress-ip': { expected: string; egressIp: string };
  'dns.a': { server?: string; a?: string[]; aaaa?: string[]; ms?: number };
  'tcp.v4': TcpDetails;
  'tcp.v6': TcpDetails;
  'smtp.banner': { banner?: string; connectMs?: number; address?: string };
  'smtp.ehlo': { capabilities?: string[]; egressIp?: string | null };
  'smtp.starttls': {
    offered?: boolean;
    tls?: { protocol: string | null; cipher: string | null } | null;
    discardedBytes?: number;
    capabilitiesAfterTls?: string[];
  };
  'tls.matrix': { rows: TlsProbeRow[] };
  'tls.cert': {
    chain?: unknown[];
    authorized?: boolean;
    authorizationError?: string | null;
    protocol?: string | null;
    /** 'matrix-probe' when a matrix probe's verified chain was reused. */
    source?: string;
  };
  'tls.device': {
    device?: string;
    maxTls?: TlsVersion | null;
    cipherFamily?: string;
    considered?: string[];
    via?: string[];
  };
  'device.auth': {
    device?: string;
    deviceMechanisms?: string[];
    oauth?: boolean;
    serverMechanisms?: string[] | null;
    usable?: string[];
  };
  'smtp.auth': { mechanism?: string | null; offered?: string[] };
  /** OAuth token acquisition (main/oauth): the flow and the token's claims (never the token). */
  'oauth.token': {
    flow?: string;
    kind?: string;
    aud?: string[];
    scp?: string[];
    roles?: string[];
    tid?: string | null;
    upn?: string | null;
    oid?: string | null;
    appid?: string | null;
    expires?: string | null;
    claims?: string;
  };
  'envelope.internal': EnvelopeDetails;
  'envelope.external': EnvelopeDetails;
  send: {
    from?: string;
    to?: string[];
    subject?: string;
    response?: string;
    messageId?: string;
    error?: string;
    possiblyDelivered?: boolean;
  };
};

type TcpDetails = {
  address?: string;
  port?: number;
  via?: string;
  ms?: number;
  localAddress?: string;
  failure?: string;
  code?: string;
};

type EnvelopeDetails = {
  mailFrom?: string;
  recipient?: string;
  rcptTo?: string;
};

export type CheckKind = keyof CheckDetailsMap;
/** Partial: a skipped or interrupted check has only the common fields. */
export type CheckDetails<K extends CheckKind> = Partial<CheckDetailsMap[K]> & CommonDetails;

// ---- the table ----

interface KindSpec {
  scope: ScopeKind;
  title: Record<Lang, string>;
  /** Methods whose verdict this check decides, per endpoint (endpoint kinds) or for every scope. */
  decides: Partial<Record<EndpointKey, readonly Method[]>> | readonly Method[] | 'scope-method';
  /** Checklist facts it proves, per endpoint (endpoint kinds) or for every scope. */
  proves: Partial<Record<EndpointKey, readonly ProofKey[]>> | readonly ProofKey[];
}

const BOTH = ENDPOINT_METHODS;
const onEndpoint = (submission: readonly ProofKey[], mx: readonly ProofKey[]) => ({ submission, mx });

export const CHECK_REGISTRY: { readonly [K in CheckKind]: KindSpec } = {
  config: {
    scope: 'method',
    title: { ja: 'サーバー名とポートの設定', en: 'Server and port' },
    decides: 'scope-method',
    proves: [],
  },
  'dns.mx': {
    scope: 'tenant',
    title: { ja: 'ドメインの MX レコード', en: 'MX record of the domain' },
    decides: ['direct-send', 'relay'],
    proves: [P.mx],
  },
  'dns.spf': {
    scope: 'tenant',
    title: { ja: 'SPF レコード', en: 'SPF record of the domain' },
    decides: ['direct-send', 'relay'],
    proves: [P.spf],
  },
  'relay.egress-ip': {
    scope: 'tenant',
    title: { ja: '送信元 IP とコネクタの IP', en: 'Egress IP vs the relay connector' },
    decides: ['relay'],
    proves: [],
  },
  'dns.a': {
    scope: 'endpoint',
    title: { ja: 'サーバー名の DNS (A/AAAA)', en: 'DNS A/AAAA of the server' },
    decides: BOTH,
    proves: { mx: [P.mx] },
  },
  'tcp.v4': {
    scope: 'endpoint',
    title: { ja: 'TCP 接続 (IPv4)', en: 'TCP connection (IPv4)' },
    decides: BOTH,
    proves: onEndpoint([P.tcpSubmission], [P.tcpMx]),
  },
  'tcp.v6': {
    scope: 'endpoint',
    title: { ja: 'TCP 接続 (IPv6)', en: 'TCP connection (IPv6)' },
    decides: BOTH,
    proves: onEndpoint([P.tcpSubmission], [P.tcpMx]),
  },
  'smtp.banner': {
    scope: 'endpoint',
    title: { ja: 'サーバーの応答 (バナー)', en: 'Greeting from the server' },
    decides: BOTH,
    proves: {},
  },
  'smtp.ehlo': {
    scope: 'endpoint',
    title: { ja: 'EHLO と機能一覧', en: 'EHLO and capabilities' },
    decides: BOTH,
    proves: {},
  },
  'smtp.starttls': {
    scope: 'endpoint',
    title: { ja: 'STARTTLS (暗号化の開始)', en: 'STARTTLS' },
    decides: BOTH,
    proves: {},
  },
  'tls.matrix': {
    scope: 'endpoint',
    title: { ja: '対応している TLS バージョンと鍵交換', en: 'TLS versions and key exchange accepted' },
    decides: BOTH,
    proves: onEndpoint([P.tlsSubmission], [P.tlsMx]),
  },
  'tls.cert': {
    scope: 'endpoint',
    title: { ja: 'サーバー証明書', en: 'Certificate of the server' },
    decides: BOTH,
    proves: onEndpoint([P.tlsSubmission], [P.tlsMx]),
  },
  'tls.device': {
    scope: 'endpoint',
    title: { ja: '機器の TLS で接続できるか', en: "Would the device's TLS get through?" },
    decides: BOTH,
    proves: onEndpoint([P.tlsSubmission], [P.tlsMx]),
  },
  'device.auth': {
    scope: 'endpoint',
    title: { ja: '機器の認証方式でサインインできるか', en: "Would the device's sign-in work?" },
    decides: { submission: ['submission'] },
    proves: {},
  },
  'smtp.auth': {
    scope: 'endpoint',
    title: { ja: 'サインイン (SMTP AUTH)', en: 'Sign-in (SMTP AUTH)' },
    decides: { submission: ['submission'] },
    proves: { submission: [P.auth] },
  },
  'oauth.token': {
    scope: 'tenant',
    title: { ja: 'OAuth トークンの取得と内容', en: 'OAuth token' },
    decides: ['submission'],
    proves: [],
  },
  'envelope.internal': {
    scope: 'endpoint',
    title: { ja: '差出人と社内宛先 (MAIL FROM / RCPT TO)', en: 'MAIL FROM / RCPT TO (internal recipient)' },
    decides: BOTH,
    proves: { mx: [P.mxInternal] },
  },
  'envelope.external': {
    scope: 'endpoint',
    title: { ja: '差出人と社外宛先 (MAIL FROM / RCPT TO)', en: 'MAIL FROM / RCPT TO (external recipient)' },
    // Direct Send delivers to internal recipients only: the external rejection does not decide it.
    decides: { submission: ['submission'], mx: ['relay'] },
    proves: { mx: [P.mxExternal] },
  },
  send: {
    scope: 'endpoint',
    title: { ja: 'テスト メッセージの送信', en: 'Test message (--send)' },
    decides: BOTH,
    proves: [P.send],
  },
};

export const CHECK_KINDS = Object.keys(CHECK_REGISTRY) as CheckKind[];

/** Where a check applies: its endpoint, the method whose settings it checks, or null for the tenant. */
export type CheckScope = EndpointKey | Method | null;

export interface CheckRef {
  kind: CheckKind;
  scope: CheckScope;
}

/**
 * The one id function. Endpoint kinds read `<family>.<endpoint>.<leaf>` (e.g. tls.mx.matrix); method kinds
 * `config.<method>`; tenant kinds are the kind itself. Kept from earlier versions so saved reports keep their
 * ids: the submission endpoint's sign-in, envelope and send checks carry no endpoint (`auth`,
 * `envelope.internal`, `send`), and the MX endpoint's carry `mx.` after the family (`envelope.mx.internal`,
 * `send.mx`). See docs/architecture.md.
 */
export function checkId(kind: CheckKind, scope: CheckScope = null): string {
  const spec = CHECK_REGISTRY[kind];
  if (spec.scope === 'tenant') return kind;
  if (spec.scope === 'method') return `${kind}.${scope ?? 'auto'}`;
  const ep = scope as EndpointKey;
  if (kind === 'smtp.auth') return ep === 'submission' ? 'auth' : 'mx.auth';
  if (kind === 'send') return ep === 'submission' ? 'send' : 'send.mx';
  if (kind === 'envelope.internal' || kind === 'envelope.external') {
    const leaf = kind.slice('envelope.'.length);
    return ep === 'submission' ? `envelope.${leaf}` : `envelope.mx.${leaf}`;
  }
  const dot = kind.indexOf('.');
  return `${kind.slice(0, dot)}.${ep}${kind.slice(dot)}`;
}

function scopesOf(kind: CheckKind): CheckScope[] {
  const s = CHECK_REGISTRY[kind].scope;
  if (s === 'tenant') return [null];
  if (s === 'method') return [...METHOD_IDS];
  return [...ENDPOINT_KEYS];
}

/** Every id the engine can produce, mapped back to its kind and scope (exact lookups; no parsing). */
const BY_ID: ReadonlyMap<string, CheckRef> = new Map(
  CHECK_KINDS.flatMap((kind) =>
    scopesOf(kind).map((scope) => [checkId(kind, scope), { kind, scope }] as const),
  ),
);

/** The kind and scope of a check id, or null for an id this version does not know (e.g. from a newer version). */
export function lookupCheckId(id: string): CheckRef | null {
  return BY_ID.get(id) ?? null;
}

/** Every check id this version produces. */
export function allCheckIds(): string[] {
  return [...BY_ID.keys()];
}

function perScope<T>(
  v: Partial<Record<EndpointKey, readonly T[]>> | readonly T[],
  scope: CheckScope,
): readonly T[] {
  if (Array.isArray(v)) return v as readonly T[];
  return scope === 'submission' || scope === 'mx'
    ? ((v as Partial<Record<EndpointKey, readonly T[]>>)[scope] ?? [])
    : [];
}

/** The methods whose verdict a check decides. */
export function methodsDecidedBy(ref: CheckRef): readonly Method[] {
  const d = CHECK_REGISTRY[ref.kind].decides;
  // A method kind's scope is the method itself ('submission' is both an endpoint and a method name).
  if (d === 'scope-method') return ref.scope !== null && ref.scope !== 'mx' ? [ref.scope] : [];
  return perScope(d, ref.scope);
}

/** The checklist facts a check proves. */
export function proofsOf(ref: CheckRef): readonly ProofKey[] {
  return perScope(CHECK_REGISTRY[ref.kind].proves, ref.scope);
}

/** True when the check with this id decides `method`. */
export function decidesMethod(id: string, method: Method): boolean {
  const ref = lookupCheckId(id);
  return ref !== null && methodsDecidedBy(ref).includes(method);
}

/** True when the check with this id proves `proof`. */
export function provesFact(id: string, proof: ProofKey): boolean {
  const ref = lookupCheckId(id);
  return ref !== null && proofsOf(ref).includes(proof);
}

/** A check's details, typed by its kind; null when the check is of another kind. */
export function detailsOf<K extends CheckKind>(
  check: { id: string; details: unknown },
  kind: K,
): CheckDetails<K> | null {
  return lookupCheckId(check.id)?.kind === kind ? (check.details as CheckDetails<K>) : null;
}

/** Suffix naming the endpoint in a Japanese title, in the glossary's words (never the id segment "submission"). */
const SCOPE_SUFFIX: Record<EndpointKey, string> = { mx: ' (MX)', submission: ' (SMTP クライアント送信)' };

/**
 * A check's title in a language. English keeps the engine's title (it names the host); Japanese comes from the
 * registry with the endpoint named. An id this version does not know keeps the title it was saved with.
 */
export function checkTitle(c: { id: string; title: string }, lang: Lang): string {
  if (lang === 'en') return c.title;
  const ref = lookupCheckId(c.id);
  if (!ref) return c.title;
  const base = CHECK_REGISTRY[ref.kind].title.ja;
  return ref.scope === 'submission' || ref.scope === 'mx' ? `${base}${SCOPE_SUFFIX[ref.scope]}` : base;
}
