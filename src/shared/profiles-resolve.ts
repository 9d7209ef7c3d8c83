// From validated profile files to what the UI, the checklist and the engine use: one model at one firmware
// generation, every claim marked `verified` (backed by the vendor's own documentation) or not ("check on the
// device"), plus search over all loaded models. Pure: no Node, no DOM.
import type { DeviceProfile, Lang, Method } from './model';
import {
  CAPABILITY_KEYS,
  CURRENT_GENERATION,
  OAUTH_CLAIM_KEYS,
  type OAuthSupport,
  type Capabilities,
  type FieldKey,
  type Localized,
  type MenuPathKey,
  type ModelEntry,
  type ProfileFile,
  type Source,
  type SourcedText,
  type Warning,
} from './profiles';

export type Origin = 'builtin' | 'user';

/** A claim as the UI shows it: the value, its sources, and whether a vendor document backs it. */
export interface ResolvedClaim<T> {
  value: T;
  sources: Source[];
  verified: boolean;
  note?: Localized;
}

export type ResolvedCapabilities = { [K in keyof Capabilities]: ResolvedClaim<Capabilities[K]['value']> };

export interface ResolvedText extends Localized {
  sources: Source[];
  verified: boolean;
}

export interface ResolvedWarning {
  id: string;
  severity: Warning['severity'];
  /** Methods it concerns; absent = every method. */
  methods?: Method[];
  text: Localized;
  sources: Source[];
  verified: boolean;
}

/** The model's OAuth details, each claim resolved (value null = not published: "check on the device"). */
export type ResolvedOAuth = {
  [K in (typeof OAUTH_CLAIM_KEYS)[number]]: ResolvedClaim<OAuthSupport[K]['value']>;
} & {
  where?: ResolvedText;
  values?: ResolvedText;
};

export interface GenerationSummary {
  id: string;
  label: Localized;
  firmware?: string;
}

/** One model at one firmware generation, ready for the UI and the checklist. Plain data (crosses IPC). */
export interface ModelProfile {
  id: string;
  fileId: string;
  origin: Origin;
  vendor: string;
  family: Localized;
  series: string;
  kind: ModelEntry['kind'];
  names: string[];
  /** Generation these capabilities are for (`current` = the model's current firmware). */
  generation: GenerationSummary;
  /** Every generation the technician can choose from, current first. */
  generations: GenerationSummary[];
  capabilities: ResolvedCapabilities;
  menuPaths: Partial<Record<MenuPathKey, ResolvedText>> & { smtp: ResolvedText };
  fields: Partial<Record<FieldKey, ResolvedText>> & Record<Exclude<FieldKey, 'auth'>, ResolvedText>;
  tlsOptions: { starttls: ResolvedText; implicit?: ResolvedText; none: ResolvedText };
  authOptions?: { on: ResolvedText; off: ResolvedText; oauth?: ResolvedText };
  warnings: ResolvedWarning[];
  /** OAuth details when the profile has them. */
  oauth?: ResolvedOAuth;
}

/** Separates a model id from a generation id in a profile reference such as `ricoh-mp@mp-legacy`. */
export const GENERATION_SEPARATOR = '@';

export const CURRENT_GENERATION_LABEL: Localized = { ja: '現行ファームウェア', en: 'Current firmware' };

function sourcesOf(file: ProfileFile, ids: readonly string[]): Source[] {
  return ids.map((id) => file.sources.find((s) => s.id === id)).filter((s): s is Source => s !== undefined);
}

/** A claim is verified when at least one of its sources is the vendor's own documentation. */
export function isVerified(sources: readonly Source[]): boolean {
  return sources.some((s) => s.vendorDoc);
}

function resolveText(file: ProfileFile, t: SourcedText): ResolvedText {
  const sources = sourcesOf(file, t.sources);
  return { ja: t.ja, en: t.en, sources, verified: isVerified(sources) };
}

function resolveRecord<K extends string>(
  file: ProfileFile,
  rec: Partial<Record<K, SourcedText>>,
): Partial<Record<K, ResolvedText>> {
  const out: Partial<Record<K, ResolvedText>> = {};
  for (const key of Object.keys(rec) as K[]) {
    const t = rec[key];
    if (t) out[key] = resolveText(file, t);
  }
  return out;
}

/**
 * Resolve a model of a file at a generation (default: current firmware). Returns null when the model or the
 * generation does not exist. Claims a generation does not override come from the current capabilities.
 */
export function resolveModel(
  file: ProfileFile,
  modelId: string,
  generationId: string = CURRENT_GENERATION,
  origin: Origin = 'builtin',
): ModelProfile | null {
  const m = file.models.find((x) => x.id === modelId);
  if (!m) return null;
  const gen = generationId === CURRENT_GENERATION ? null : m.generations.find((g) => g.id === generationId);
  if (gen === undefined) return null;
  const caps: Record<string, ResolvedClaim<unknown>> = {};
  for (const key of CAPABILITY_KEYS) {
    const c = gen?.capabilities[key] ?? m.capabilities[key];
    const sources = sourcesOf(file, c.sources);
    caps[key] = {
      value: c.value,
      sources,
      verified: isVerified(sources),
      ...(c.note ? { note: c.note } : {}),
    };
  }
  const genId = gen?.id ?? CURRENT_GENERATION;
  const warnings = m.warnings
    .filter((w) => !w.generations || w.generations.includes(genId))
    .map((w) => {
      const sources = sourcesOf(file, w.sources);
      return {
        id: w.id,
        severity: w.severity,
        ...(w.methods ? { methods: w.methods } : {}),
        text: w.text,
        sources,
        verified: isVerified(sources),
      };
    });
  const summary = (g: {
    id: string;
    label: Localized;
    firmware?: string | undefined;
  }): GenerationSummary => ({
    id: g.id,
    label: g.label,
    ...(g.firmware ? { firmware: g.firmware } : {}),
  });
  const current: GenerationSummary = { id: CURRENT_GENERATION, label: CURRENT_GENERATION_LABEL };
  const oauth = m.oauth ? resolveOAuth(file, m.oauth) : undefined;
  return {
    id: m.id,
    fileId: file.id,
    origin,
    vendor: m.vendor,
    family: file.family,
    series: m.family,
    kind: m.kind,
    names: m.names,
    generation: gen ? summary(gen) : current,
    generations: [current, ...m.generations.map(summary)],
    capabilities: caps as ResolvedCapabilities,
    menuPaths: resolveRecord(file, m.menuPaths) as ModelProfile['menuPaths'],
    fields: resolveRecord(file, m.fields) as ModelProfile['fields'],
    tlsOptions: resolveRecord(file, m.tlsOptions) as ModelProfile['tlsOptions'],
    ...(m.authOptions
      ? { authOptions: resolveRecord(file, m.authOptions) as NonNullable<ModelProfile['authOptions']> }
      : {}),
    warnings,
    ...(oauth ? { oauth } : {}),
  };
}

function resolveOAuth(file: ProfileFile, o: OAuthSupport): ResolvedOAuth {
  const out: Record<string, unknown> = {};
  for (const key of OAUTH_CLAIM_KEYS) {
    const c = o[key];
    const sources = sourcesOf(file, c.sources);
    // Not published (null) is never "verified", whichever document says so.
    out[key] = {
      value: c.value,
      sources,
      verified: c.value !== null && isVerified(sources),
      ...(c.note ? { note: c.note } : {}),
    };
  }
  if (o.where) out['where'] = resolveText(file, o.where);
  if (o.values) out['values'] = resolveText(file, o.values);
  return out as ResolvedOAuth;
}

/** The engine's view of the model (src/shared/model.ts `DeviceProfile`). */
export function toDeviceProfile(model: ModelProfile, lang: Lang = 'en'): DeviceProfile {
  const c = model.capabilities;
  const gen = model.generation.id === CURRENT_GENERATION ? '' : ` (${model.generation.label[lang]})`;
  return {
    id:
      model.generation.id === CURRENT_GENERATION
        ? model.id
        : `${model.id}${GENERATION_SEPARATOR}${model.generation.id}`,
    kind: model.kind,
    label: `${model.vendor} ${model.series}${gen}`.slice(0, 200),
    maxTls: c.maxTls.value,
    cipherFamily: c.cipherFamily.value,
    authMechanisms: c.authMechanisms.value,
    starttls: c.starttls.value,
    implicitTls: c.implicitTls.value,
    serverFieldMaxLength: c.serverFieldMaxLength.value,
    oauth: c.oauth.value,
    ports: c.ports.value,
  };
}

export interface LoadedProfileFile {
  /** Where it came from (file path for the loader; anything for tests). */
  path: string;
  origin: Origin;
  profile: ProfileFile;
}

export interface ModelHit {
  fileId: string;
  modelId: string;
  vendor: string;
  series: string;
  kind: ModelEntry['kind'];
  origin: Origin;
  /** The model name that matched best (for display), or the series. */
  matched: string;
  score: number;
}

/** Case-, width- and punctuation-insensitive form for matching ("ＩＭ Ｃ-3000" ≈ "imc3000"). */
export function normalizeForSearch(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_./・()（）]+/g, '');
}

interface ModelKeys {
  m: ModelEntry;
  nameKeys: { n: string; k: string }[];
  keys: string[];
}
/** Normalized search keys per file, computed once per loaded profile object (search runs on every keystroke). */
const keyCache = new WeakMap<ProfileFile, ModelKeys[]>();

function searchKeysOf(profile: ProfileFile): ModelKeys[] {
  const cached = keyCache.get(profile);
  if (cached) return cached;
  const vendorKeys = [profile.vendor, ...profile.aliases, profile.family.ja, profile.family.en].map(
    normalizeForSearch,
  );
  const out = profile.models.map((m) => {
    const nameKeys = m.names.map((n) => ({ n, k: normalizeForSearch(n) }));
    return {
      m,
      nameKeys,
      keys: [
        ...vendorKeys,
        normalizeForSearch(m.vendor),
        normalizeForSearch(m.family),
        normalizeForSearch(m.id),
        ...nameKeys.map((x) => x.k),
      ],
    };
  });
  keyCache.set(profile, out);
  return out;
}

/** How many hits a search returns at most. */
export const MAX_SEARCH_HITS = 50;

/**
 * Find models by vendor (any alias, Japanese too), series or model name. Every whitespace-separated term must
 * match somewhere; exact model names rank first, then prefixes, then substrings. Empty query → every model.
 */
export function searchModels(files: readonly LoadedProfileFile[], query: string): ModelHit[] {
  const terms = query
    .split(/\s+/)
    .map(normalizeForSearch)
    .filter((t) => t.length > 0);
  // The whole query as one key, so "IM C3000" matches that name exactly rather than "IM" + "C3000" apart.
  const whole = normalizeForSearch(query);
  const hits: ModelHit[] = [];
  for (const f of files) {
    for (const { m, nameKeys, keys } of searchKeysOf(f.profile)) {
      let score = 0;
      let matched = m.family;
      let all = true;
      for (const t of terms) {
        const exact = nameKeys.find((x) => x.k === t);
        const prefix = nameKeys.find((x) => x.k.startsWith(t));
        if (exact) [score, matched] = [score + 100, exact.n];
        else if (prefix) [score, matched] = [score + 50, prefix.n];
        else if (keys.some((k) => k === t)) score += 30;
        else if (keys.some((k) => k.includes(t))) score += 10;
        else all = false;
      }
      if (!all) continue;
      const wholeExact = nameKeys.find((x) => x.k === whole);
      const wholePrefix = nameKeys.find((x) => x.k.startsWith(whole));
      if (whole && wholeExact) [score, matched] = [score + 1000, wholeExact.n];
      else if (whole && wholePrefix) [score, matched] = [score + 500, wholePrefix.n];
      hits.push({
        fileId: f.profile.id,
        modelId: m.id,
        vendor: m.vendor,
        series: m.family,
        kind: m.kind,
        origin: f.origin,
        matched,
        score,
      });
    }
  }
  hits.sort(
    (a, b) => b.score - a.score || a.vendor.localeCompare(b.vendor) || a.series.localeCompare(b.series),
  );
  return hits.slice(0, MAX_SEARCH_HITS);
}

/** Resolve a search hit (or any file/model pair) from a loaded set. */
export function resolveFromLoaded(
  files: readonly LoadedProfileFile[],
  modelId: string,
  generationId?: string,
): ModelProfile | null {
  for (const f of files) {
    if (f.profile.models.some((m) => m.id === modelId))
      return resolveModel(f.profile, modelId, generationId, f.origin);
  }
  return null;
}

/**
 * Resolve a profile reference as `toDeviceProfile` writes it (`<model>` or `<model>@<generation>`), e.g. from the
 * CLI's --device-profile or a saved report. Null when the model or generation is unknown.
 */
export function resolveProfileRef(files: readonly LoadedProfileFile[], ref: string): ModelProfile | null {
  const at = ref.indexOf(GENERATION_SEPARATOR);
  const modelId = at < 0 ? ref : ref.slice(0, at);
  const generationId = at < 0 ? undefined : ref.slice(at + 1);
  return resolveFromLoaded(files, modelId, generationId);
}
