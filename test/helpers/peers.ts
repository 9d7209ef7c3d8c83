// Real peer tools (swaks, openssl, Postfix, Chromium, poppler, iptables, snmpd …) and what a test does when one
// is missing. In CI (`CI=true`) a missing peer is a failure that names the tool: a green run must never hide an
// install step that .ci/run forgot. Outside CI the suite is skipped and its title says why — and only then: a
// title never claims a skip for tests that run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';
import { findExecutable } from './run-cmd';

/** True on CI runs (.ci/run exports CI=true). */
export const IN_CI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

const memo = new Map<string, string | null>();
function once(key: string, probe: () => string | null): string | null {
  if (!memo.has(key)) memo.set(key, probe());
  return memo.get(key) ?? null;
}

/** Why swaks cannot act as a TLS-capable SMTP client here, or null when it can. */
export function swaksMissing(): string | null {
  return once('swaks', () => {
    if (!findExecutable('/usr/bin/swaks')) return 'swaks is not installed (Debian package swaks)';
    // swaks does STARTTLS / implicit TLS only with Net::SSLeay (libnet-ssleay-perl), a Recommends of the package;
    // `swaks --support` lists "=== TLS supported" or "*** TLS not available: requires Net::SSLeay".
    let support: string;
    try {
      support = execFileSync('/usr/bin/swaks', ['--support'], {
        timeout: 10_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString();
    } catch (err) {
      support = String((err as { stdout?: Buffer }).stdout ?? '');
    }
    if (!/^=== TLS supported/m.test(support))
      return 'swaks cannot do TLS: Net::SSLeay is missing (Debian package libnet-ssleay-perl)';
    return null;
  });
}

/** Why the openssl command line is unavailable, or null. */
export function opensslMissing(): string | null {
  return once('openssl', () =>
    findExecutable('/usr/bin/openssl') ? null : 'openssl is not installed (Debian package openssl)',
  );
}

/** Why Chromium is unavailable at /usr/bin/chromium, or null. */
export function chromiumMissing(): string | null {
  return once('chromium', () =>
    existsSync('/usr/bin/chromium')
      ? null
      : 'Chromium is not installed at /usr/bin/chromium (Debian package chromium)',
  );
}

/** Why poppler's pdftotext/pdftoppm are unavailable, or null. */
export function popplerMissing(): string | null {
  return once('poppler', () =>
    findExecutable('/usr/bin/pdftotext') && findExecutable('/usr/bin/pdftoppm')
      ? null
      : 'pdftotext/pdftoppm are not installed (Debian package poppler-utils)',
  );
}

/** Why no Japanese font is installed for Chromium's PDFs, or null. */
export function japaneseFontMissing(): string | null {
  return once('ja-font', () => {
    if (!findExecutable('/usr/bin/fc-list')) return 'fc-list is not installed (Debian package fontconfig)';
    try {
      const out = execFileSync('/usr/bin/fc-list', [':lang=ja'], { timeout: 10_000 }).toString().trim();
      return out ? null : 'no Japanese font is installed (Debian package fonts-ipafont-gothic)';
    } catch {
      return 'fc-list failed';
    }
  });
}

/** The first reason in `reasons` that is not null, or null when every peer is present. */
export function firstMissing(...reasons: (string | null)[]): string | null {
  return reasons.find((r) => r !== null) ?? null;
}

/**
 * A describe() over real peers. `missing` is null when every peer is present (the suite runs as titled); in CI a
 * missing peer turns the suite into one failing test that names it; elsewhere the suite is skipped with the reason
 * in its title and on stderr.
 */
export function describePeers(title: string, missing: string | null, body: () => void): void {
  if (missing === null) {
    describe(title, body);
    return;
  }
  if (IN_CI) {
    describe(title, () => {
      it('has its peer tools installed', () => {
        throw new Error(`peer tool missing in CI: ${missing} — .ci/run must install it`);
      });
    });
    return;
  }
  console.warn(`${title}: skipped: ${missing}`);
  describe.skip(`${title} — skipped: ${missing}`, body);
}

/** it() over real peers, with the same rule as describePeers. */
export function itPeers(
  title: string,
  missing: string | null,
  opts: { timeout?: number },
  body: () => Promise<void> | void,
): void {
  if (missing === null) {
    it(title, opts, body);
    return;
  }
  if (IN_CI) {
    it(title, () => {
      throw new Error(`peer tool missing in CI: ${missing} — .ci/run must install it`);
    });
    return;
  }
  console.warn(`${title}: skipped: ${missing}`);
  it.skip(`${title} — skipped: ${missing}`, body);
}
