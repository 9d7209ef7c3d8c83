// Shared texts mark verbatim values (a scope, a permission name, a command) with backticks, as the CLI prints
// them; on screen those parts are code (kept in their own form, never wrapped mid-word by the sentence around them).
import { Fragment } from 'react';

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

export function CodeText({ text }: { text: string }) {
  return (
    <>
      {codeParts(text).map((p, i) =>
        p.code ? <code key={i}>{p.text}</code> : <Fragment key={i}>{p.text}</Fragment>,
      )}
    </>
  );
}
