// The command table. Each command lives in its own module in this folder and is loaded only when it runs:
// `--version`, `--help` and `explain` must not pay for the engine, smtp-server, nodemailer, the lab or the PDF
// printer's browser driver. esbuild keeps a dynamically imported module lazy inside the one CJS bundle (its
// top-level code, and the `require` of its external packages, run on first import).
import type { CliCommand } from '../io';

export interface CommandEntry {
  name: string;
  summary: string;
  /** Loads the command's module (and only its dependencies). */
  load(): Promise<CliCommand>;
  /** Its run has finished all its work when it resolves (no server, browser or save left running), so the
   *  process may end as soon as its output is written instead of waiting for Node's own teardown. */
  endsWhenDone?: true;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'explain',
    summary: 'Explain an SMTP reply, NDR or client error (cause, fix, who acts)',
    load: async () => (await import('./explain')).explainCommand,
    endsWhenDone: true,
  },
  {
    name: 'advise',
    summary: 'Recommend a sending method (client submission, Direct Send, relay) and its settings',
    load: async () => (await import('./advise')).adviseCommand,
  },
  {
    name: 'report',
    summary: 'Saved reports: list, show, export (html, pdf, zip, ticket), compare, duplicate, delete/restore',
    load: async () => (await import('./report')).reportCommand,
  },
  {
    name: 'demo',
    summary: 'Start the built-in lab and diagnose a few scenarios (no network needed)',
    load: async () => (await import('./demo')).demoCommand,
  },
  {
    name: 'diagnose',
    summary: 'Probe the mail path from this computer and say what works and what does not',
    load: async () => (await import('./diagnose')).diagnoseCommand,
    endsWhenDone: true,
  },
  {
    name: 'lab',
    summary: 'run a simulated Exchange Online on loopback (practice, demos, tests)',
    load: async () => (await import('./lab')).labCommand,
  },
  {
    name: 'capture',
    summary: 'listen for a device and diagnose what it really sends (TLS, AUTH, sender, message)',
    load: async () => (await import('./capture')).captureCommand,
  },
  {
    name: 'identify',
    summary: "Identify one device's model and firmware over SNMP and IPP (never a sweep)",
    load: async () => (await import('./identify')).identifyCommand,
  },
  {
    name: 'token',
    summary: 'token inspect: read an OAuth access token from stdin and say what it carries (never prints it)',
    load: async () => (await import('./token')).tokenCommand,
  },
];
