// Shared texts mark verbatim values (a scope, a permission name, a command) with backticks, as the CLI prints
// them; on screen those parts are code (kept in their own form, breaking only after a dot or a slash).
import { Fragment, type ComponentPropsWithoutRef, type ReactNode } from 'react';

/** Splits "a `b` c" into text and code parts; an unpaired backtick stays as text. */
export function codeParts(text: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  const re = /`([^`\n]+)`/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ code: false, text: text.slice(last, m.index) });
    out.push({ code: true, text: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ code: false, text: text.slice(last) });
  return out;
}

/**
 * A code (host name, address, scope, command) that may go on to the next line only after a dot or a slash or at a
 * space, never inside a label or a PowerShell word: a <wbr> after each '.' and '/', and cmdlets and -Parameters
 * kept whole (a hyphen is otherwise a break opportunity). <wbr> is not copied.
 */
export function Code({ text, ...rest }: { text: string } & ComponentPropsWithoutRef<'code'>) {
  return <code {...rest}>{keepWhole(text, breakAfterDots)}</code>;
}

/** "a.b/c" with a <wbr> after each dot and slash. */
function breakAfterDots(text: string, key: number): ReactNode {
  const parts = text.split(/(?<=[./])/);
  return (
    <Fragment key={key}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </Fragment>
  );
}

export function CodeText({ text }: { text: string }) {
  return (
    <>
      {codeParts(text).map((p, i) =>
        p.code ? <Code key={i} text={p.text} /> : <Fragment key={i}>{p.text}</Fragment>,
      )}
    </>
  );
}

/**
 * PowerShell inside a sentence (a cmdlet such as Set-CASMailbox, a parameter such as -Identity): each kept on one
 * line, so a line never ends in "Set-" or a lone "-" before its parameter name. The rest wraps as usual.
 */
const POWERSHELL_TOKEN = /\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b|(?<=^|[\s(])-[A-Za-z][A-Za-z0-9]*/g;

/** `text` with its PowerShell words in no-wrap spans; the text between goes through `between`. */
function keepWhole(text: string, between: (s: string, key: number) => ReactNode): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(POWERSHELL_TOKEN)) {
    if (m.index > last) out.push(between(text.slice(last, m.index), last));
    out.push(
      <span key={`ps${m.index}`} className="nowrap">
        {m[0]}
      </span>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(between(text.slice(last), last));
  return out;
}

export function ProseText({ text }: { text: string }) {
  return (
    <>
      {keepWhole(text, (s, key) => (
        <Fragment key={key}>{s}</Fragment>
      ))}
    </>
  );
}
