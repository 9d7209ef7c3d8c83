// Shared texts mark verbatim values (a scope, a permission name, a command) with backticks, as the CLI prints
// them; on screen those parts are code (kept in their own form, breaking only after a dot or a slash).
import { Fragment, type ComponentPropsWithoutRef } from 'react';

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
 * A code (host name, address, scope, command) that may go on to the next line only after a dot or a slash, never
 * inside a label: a <wbr> after each '.' and '/' (a hyphen is a break opportunity already). <wbr> is not copied.
 */
export function Code({ text, ...rest }: { text: string } & ComponentPropsWithoutRef<'code'>) {
  const parts = text.split(/(?<=[./])/);
  return (
    <code {...rest}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </code>
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
