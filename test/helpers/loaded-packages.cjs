// Preload (`node -r`) for start-up tests: prints, once, the npm packages in require.cache as one stderr line
// `DMD_PACKAGES ["a","b"]` — at the process' first network packet (a UDP send or a TCP connect), or at exit when
// it never sends one. Lets a test say exactly what a command loaded before it started probing. With
// DMD_PACKAGES_AT=exit in the environment it prints only at exit: everything the whole run loaded.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for `node -r` */
const dgram = require('node:dgram');
const dns = require('node:dns');
const dnsPromises = require('node:dns/promises');
const net = require('node:net');

let printed = false;
function report() {
  if (printed) return;
  printed = true;
  const pkgs = new Set();
  for (const file of Object.keys(require.cache)) {
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (m) pkgs.add(m[1].replace(/\\/g, '/'));
  }
  process.stderr.write(`DMD_PACKAGES ${JSON.stringify([...pkgs].sort())}\n`);
}

// DNS queries leave through c-ares (no JS socket): the resolvers' query methods count as the first packet.
const resolverMethods = (proto) =>
  Object.getOwnPropertyNames(proto)
    .filter((n) => /^(resolve|reverse)/.test(n))
    .map((n) => [proto, n]);
const firstPacket = [
  [dgram.Socket.prototype, 'send'],
  [net.Socket.prototype, 'connect'],
  ...resolverMethods(dns.Resolver.prototype),
  ...resolverMethods(dnsPromises.Resolver.prototype),
];
for (const [proto, name] of process.env.DMD_PACKAGES_AT === 'exit' ? [] : firstPacket) {
  const original = proto[name];
  proto[name] = function (...args) {
    report();
    return original.apply(this, args);
  };
}
process.on('exit', report);
