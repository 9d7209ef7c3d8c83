// The zod-free DiagnoseRequest check (src/shared/request-check.ts, used by `diagnose` and the engine) against the
// zod schema it stands in for (model.ts's DiagnoseRequestSchema, still the IPC contract): over the same valid,
// invalid and hostile requests — wrong types, huge strings and arrays, CR/LF, non-finite and unsafe numbers,
// inherited and `__proto__` keys, a polluted Object.prototype, class instances — both must accept or reject
// alike, produce the same request (keys, order, defaults, undefined-valued keys), and report the same issues.
import { describe, expect, it } from 'vitest';
import { DiagnoseRequestSchema } from '../../src/shared/model';
import { checkDiagnoseRequest, parseDiagnoseRequest } from '../../src/shared/request-check';
import { buildDiagnoseRequest } from '../../src/shared/diagnose-request';

/** Random cases per run (seeded: the same every run). */
const FUZZ_CASES = 3000;

const DEVICE = {
  id: 'custom',
  kind: 'mfp',
  label: 'Device',
  maxTls: '1.2',
  cipherFamily: 'rsa',
  ciphers: 'AES128-SHA:@SECLEVEL=0',
  authMechanisms: ['LOGIN', 'PLAIN'],
  starttls: true,
  implicitTls: false,
  serverFieldMaxLength: 64,
  oauth: false,
  ports: [25, 587],
};

/** Every field of the schema set (so each can be broken in turn). */
function full(): Record<string, unknown> {
  return {
    target: {
      method: 'auto',
      host: 'smtp.office365.com',
      port: 587,
      domain: 'contoso.com',
      from: 'scanner@contoso.com',
      to: ['staff@contoso.com', 'partner@fabrikam.com'],
      user: 'scanner@contoso.com',
      expectedIp: '203.0.113.7',
      bind: '192.0.2.10',
      ehloName: 'laptop',
      connectTo: [{ host: 'smtp.office365.com', port: 587, toHost: '127.0.0.1', toPort: 2587 }],
      dnsServer: '127.0.0.1:5353',
    },
    device: structuredClone(DEVICE),
    send: true,
    timeoutMs: 30_000,
    extraCaPem: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'],
    password: 'pw',
    oauthToken: 'tok',
    practice: { scenario: 'wrong-password' },
  };
}

const HUGE = 'a'.repeat(1_000_000);
/** Values that are wrong somewhere (and right elsewhere): each is tried at every path. */
const HOSTILE: readonly unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  HUGE,
  'a\r\nRCPT TO:<evil@example.com>',
  'a\0b',
  'A'.repeat(61),
  'Bad-Scenario',
  'auto',
  'submission',
  '1.3',
  0,
  -0,
  1,
  -1,
  0.5,
  1000,
  65535,
  65536,
  600_000,
  600_001,
  2 ** 53,
  -(2 ** 53),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  true,
  false,
  10n,
  Symbol('s'),
  () => 1,
  [],
  ['x'],
  [1, 2],
  Array.from({ length: 21 }, () => 'a@b.c'),
  Array.from({ length: 10_000 }, () => HUGE),
  [undefined],
  {},
  Object.create(null) as unknown,
  new Date(0),
  new Map(),
  new String('x'),
  new Number(5),
  { method: 'auto' },
  { scenario: 'lab' },
  { host: '', port: 0, toHost: 'x', toPort: 1 },
];

type Path = (string | number)[];

/** Every path into the full request (objects' keys, arrays' first item). */
function pathsOf(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return [at, ...(v.length ? pathsOf(v[0], [...at, 0]) : [])];
  if (v && typeof v === 'object')
    return [at, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...at, k]))];
  return [at];
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) delete o[last];
  else o[last] = value;
  return root;
}

const pathKeys = (issues: readonly { path: PropertyKey[] }[]) => [
  ...new Set(issues.map((i) => i.path.map(String).join('.'))),
];

/**
 * Both checks on one input: same verdict, same request; when refused, the same first issue (path and words: what
 * the CLI and the app show) and issues at the same paths. Only the count at a path may differ: after a type error
 * zod also runs its length checks on a wrong-typed value that has a length (an array or a String object where a
 * string belongs) and words them "expected unknown/array …"; the hand-written check stops at the type error.
 */
function same(input: unknown, label: string): boolean {
  const z = DiagnoseRequestSchema.safeParse(input);
  const h = checkDiagnoseRequest(input);
  expect(h.ok, `${label}: accept/reject`).toBe(z.success);
  if (z.success && h.ok) expect(h.request, `${label}: result`).toStrictEqual(z.data);
  if (!z.success && !h.ok) {
    const first = z.error.issues[0];
    expect(h.issues[0], `${label}: first issue`).toEqual({ path: first?.path, message: first?.message });
    expect(pathKeys(h.issues), `${label}: issue paths`).toEqual(pathKeys(z.error.issues));
  }
  return z.success;
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the zod-free request check agrees with DiagnoseRequestSchema', () => {
  it('on valid requests: the minimal one (defaults filled), the full one, and undefined-valued optional keys', () => {
    expect(same({ target: { method: 'auto' }, device: null }, 'minimal')).toBe(true);
    expect(same(full(), 'full')).toBe(true);
    const withUndefined = full();
    (withUndefined['target'] as Record<string, unknown>)['host'] = undefined;
    withUndefined['password'] = undefined;
    withUndefined['practice'] = undefined;
    withUndefined['send'] = undefined;
    expect(same(withUndefined, 'undefined-valued keys')).toBe(true);
    // Each optional key left out in turn.
    for (const path of pathsOf(full()).filter((p) => p.length > 0 && typeof p.at(-1) === 'string')) {
      same(setAt(full(), path, undefined, true), `without ${path.join('.')}`);
    }
  });

  it('on every hostile value at every path of the request (and at the top)', () => {
    let rejected = 0;
    for (const path of pathsOf(full())) {
      for (const [i, value] of HOSTILE.entries()) {
        if (!same(setAt(full(), path, value), `${path.join('.') || '(top)'} = hostile #${i}`)) rejected += 1;
      }
    }
    // The corpus really exercises rejection (a check that accepted everything would fail the comparisons above,
    // but say it plainly): most hostile values are refused.
    expect(rejected).toBeGreaterThan(1000);
  });

  it('on inherited keys, `__proto__` keys, a polluted Object.prototype and unknown keys', () => {
    same(Object.create(full()), 'whole request inherited');
    const t = full();
    t['target'] = Object.create({ method: 'submission', host: 'inherited.example' });
    same(t, 'target inherited');
    same(
      JSON.parse('{"__proto__": {"password": "x"}, "target": {"method": "auto"}, "device": null}'),
      'JSON __proto__ key at the top',
    );
    same(
      JSON.parse('{"target": {"method": "auto", "__proto__": {"host": "evil\\r\\n"}}, "device": null}'),
      'JSON __proto__ key in target',
    );
    same({ ...full(), constructor: 'x', toString: 1, extra: { deep: true } }, 'unknown keys dropped');
    const proto = Object.prototype as Record<string, unknown>;
    for (const [key, value] of [
      ['host', 'polluted.example'],
      ['password', 'stolen'],
      ['send', true],
      ['to', ['a\r\n']],
    ] as const) {
      proto[key] = value;
      try {
        same({ target: { method: 'auto' }, device: null }, `Object.prototype.${key} polluted`);
      } finally {
        delete proto[key];
      }
    }
  });

  it(`on ${FUZZ_CASES} random requests (seeded): up to three hostile values or removals at random paths`, () => {
    const random = rng(0x13);
    const paths = pathsOf(full());
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    let accepted = 0;
    for (let n = 0; n < FUZZ_CASES; n += 1) {
      let input: unknown = full();
      const changes = 1 + Math.floor(random() * 3);
      const made: string[] = [];
      for (let c = 0; c < changes && input && typeof input === 'object'; c += 1) {
        const path = pick(paths);
        const remove = random() < 0.2;
        const value = pick(HOSTILE);
        try {
          input = setAt(input as Record<string, unknown>, path, value, remove);
          made.push(`${path.join('.')}${remove ? ' removed' : ` = #${HOSTILE.indexOf(value)}`}`);
        } catch {
          // The path no longer exists (an earlier change replaced its parent).
        }
      }
      if (same(input, `case ${n}: ${made.join(', ')}`)) accepted += 1;
    }
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(FUZZ_CASES);
  });

  it('parse throws on a bad request, naming the field; the builder reports it as `path: message`', () => {
    expect(() => parseDiagnoseRequest({ target: { method: 'auto', port: 0 }, device: null })).toThrow(
      /target\.port: Too small/,
    );
    const built = buildDiagnoseRequest({ method: 'submission', host: 'a\r\nb', device: null });
    expect(built).toEqual({ ok: false, errors: ['target.host: must not contain CR, LF or NUL'] });
  });
});
