// Key exchange of the TLS cipher suites devices commonly offer, by IANA id: enough to tell an RSA-only offer
// (which Exchange Online refuses) from one with ECDHE. Names are the OpenSSL ones; unknown ids keep their hex.

export type Kex = 'ecdhe' | 'dhe' | 'rsa' | 'tls13' | 'other';

const SUITES: Record<number, [string, Kex]> = {
  0x0004: ['RC4-MD5', 'rsa'],
  0x0005: ['RC4-SHA', 'rsa'],
  0x000a: ['DES-CBC3-SHA', 'rsa'],
  0x002f: ['AES128-SHA', 'rsa'],
  0x0035: ['AES256-SHA', 'rsa'],
  0x003c: ['AES128-SHA256', 'rsa'],
  0x003d: ['AES256-SHA256', 'rsa'],
  0x0041: ['CAMELLIA128-SHA', 'rsa'],
  0x0084: ['CAMELLIA256-SHA', 'rsa'],
  0x0096: ['SEED-SHA', 'rsa'],
  0x009c: ['AES128-GCM-SHA256', 'rsa'],
  0x009d: ['AES256-GCM-SHA384', 'rsa'],
  0xc09c: ['AES128-CCM', 'rsa'],
  0xc09d: ['AES256-CCM', 'rsa'],
  0xc0a0: ['AES128-CCM8', 'rsa'],
  0xc0a1: ['AES256-CCM8', 'rsa'],
  0x0016: ['DHE-RSA-DES-CBC3-SHA', 'dhe'],
  0x0033: ['DHE-RSA-AES128-SHA', 'dhe'],
  0x0039: ['DHE-RSA-AES256-SHA', 'dhe'],
  0x0067: ['DHE-RSA-AES128-SHA256', 'dhe'],
  0x006b: ['DHE-RSA-AES256-SHA256', 'dhe'],
  0x0032: ['DHE-DSS-AES128-SHA', 'dhe'],
  0x0038: ['DHE-DSS-AES256-SHA', 'dhe'],
  0x009e: ['DHE-RSA-AES128-GCM-SHA256', 'dhe'],
  0x009f: ['DHE-RSA-AES256-GCM-SHA384', 'dhe'],
  0x00a2: ['DHE-DSS-AES128-GCM-SHA256', 'dhe'],
  0x00a3: ['DHE-DSS-AES256-GCM-SHA384', 'dhe'],
  0xccaa: ['DHE-RSA-CHACHA20-POLY1305', 'dhe'],
  0xc09e: ['DHE-RSA-AES128-CCM', 'dhe'],
  0xc09f: ['DHE-RSA-AES256-CCM', 'dhe'],
  0xc007: ['ECDHE-ECDSA-RC4-SHA', 'ecdhe'],
  0xc008: ['ECDHE-ECDSA-DES-CBC3-SHA', 'ecdhe'],
  0xc009: ['ECDHE-ECDSA-AES128-SHA', 'ecdhe'],
  0xc00a: ['ECDHE-ECDSA-AES256-SHA', 'ecdhe'],
  0xc011: ['ECDHE-RSA-RC4-SHA', 'ecdhe'],
  0xc012: ['ECDHE-RSA-DES-CBC3-SHA', 'ecdhe'],
  0xc013: ['ECDHE-RSA-AES128-SHA', 'ecdhe'],
  0xc014: ['ECDHE-RSA-AES256-SHA', 'ecdhe'],
  0xc023: ['ECDHE-ECDSA-AES128-SHA256', 'ecdhe'],
  0xc024: ['ECDHE-ECDSA-AES256-SHA384', 'ecdhe'],
  0xc027: ['ECDHE-RSA-AES128-SHA256', 'ecdhe'],
  0xc028: ['ECDHE-RSA-AES256-SHA384', 'ecdhe'],
  0xc02b: ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ecdhe'],
  0xc02c: ['ECDHE-ECDSA-AES256-GCM-SHA384', 'ecdhe'],
  0xc02f: ['ECDHE-RSA-AES128-GCM-SHA256', 'ecdhe'],
  0xc030: ['ECDHE-RSA-AES256-GCM-SHA384', 'ecdhe'],
  0xcca8: ['ECDHE-RSA-CHACHA20-POLY1305', 'ecdhe'],
  0xcca9: ['ECDHE-ECDSA-CHACHA20-POLY1305', 'ecdhe'],
  0xc0ac: ['ECDHE-ECDSA-AES128-CCM', 'ecdhe'],
  0xc0ad: ['ECDHE-ECDSA-AES256-CCM', 'ecdhe'],
  0x1301: ['TLS_AES_128_GCM_SHA256', 'tls13'],
  0x1302: ['TLS_AES_256_GCM_SHA384', 'tls13'],
  0x1303: ['TLS_CHACHA20_POLY1305_SHA256', 'tls13'],
  0x1304: ['TLS_AES_128_CCM_SHA256', 'tls13'],
  0x1305: ['TLS_AES_128_CCM_8_SHA256', 'tls13'],
  0x00ff: ['TLS_EMPTY_RENEGOTIATION_INFO_SCSV', 'other'],
  0x5600: ['TLS_FALLBACK_SCSV', 'other'],
};

export function suiteInfo(id: number): { label: string; kex: Kex } {
  const hex = `0x${id.toString(16).padStart(4, '0')}`;
  const known = SUITES[id];
  if (known) return { label: `${known[0]} (${hex})`, kex: known[1] };
  // Unknown ids (rare suites, GREASE-like values) never decide a family.
  return { label: hex, kex: 'other' };
}
