/* global document, NodeFilter, getComputedStyle */
// Runs in the page (layout.spec.ts reads this file and evaluates it): every code broken mid-word and every
// table wider than its box that does not scroll, as descriptions. Plain JavaScript: the node tsconfig has no DOM types.
//
// "Broken mid-word" is measured on the rendered line boxes: for each code element (code, kbd, samp, .mono) and each
// code-like token in running text (finding codes, enhanced status codes, host names), every character's own rect
// (a Range per character of its text nodes) gives its line; where the next visible character starts a new line,
// the break must come after a '.', '-' or '/' (host, domain and URL separators), at a space, between blocks, or
// next to Japanese text. A code wider than
// its box is no excuse: it must break at those places or scroll.
(() => {
  const out = [];
  /** Characters after which a code may go on to the next line. */
  const BREAK_AFTER = new Set(['.', '-', '/']);
  /** Most characters measured per code (bounds the work on a page with a long transcript). */
  const MAX_CHARS = 4000;
  const CODE_ELEMENTS = 'code, kbd, samp, .mono';
  // Finding codes, enhanced status codes, host names, and PowerShell in a sentence (cmdlets, -Parameters).
  const CODE =
    /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[245]\.\d{1,3}\.\d{1,3}\b|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|microsoft|org|jp)\b|\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b|(?<=^|[\s(])-[A-Za-z][A-Za-z0-9]+/g;
  const main = document.querySelector('main');
  if (!main) return ['no main'];
  const skipped = (el) => el.closest('textarea, input, select, pre, .transcript-rows');
  const describe = (el) => `<${el.tagName.toLowerCase()} class="${el.className}">`;

  /** Where each character of `chars` ([{node, i}]) is laid out: its line's top, or null when not rendered. */
  function tops(chars) {
    const range = document.createRange();
    return chars.map(({ node, i }) => {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = [...range.getClientRects()].find((x) => x.width > 0 && x.height > 0);
      return r ? { top: r.top, height: r.height } : null;
    });
  }

  /** The nearest ancestor that is not inline: where a line box lives. */
  function blockOf(el) {
    let box = el;
    while (box.parentElement && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
    return box;
  }
  /** Between two text nodes: a line may start there (different blocks, or a <br> between them). */
  function lineBoundary(a, b) {
    if (!a.parentElement || !b.parentElement) return true;
    if (blockOf(a.parentElement) !== blockOf(b.parentElement)) return true;
    const between = document.createRange();
    between.setStartAfter(a);
    between.setEndBefore(b);
    return between.cloneContents().querySelector('br') !== null;
  }

  /** Checks one run of characters; returns the text around the first mid-word break, or null. */
  function midWordBreak(chars) {
    const at = tops(chars);
    let prev = -1;
    let spaceBetween = false;
    for (let k = 0; k < chars.length; k++) {
      if (k > 0 && chars[k].node !== chars[k - 1].node && lineBoundary(chars[k - 1].node, chars[k].node))
        spaceBetween = true;
      const ch = chars[k].node.data[chars[k].i];
      if (/\s/.test(ch)) {
        spaceBetween = true;
        continue;
      }
      const here = at[k];
      if (!here) continue;
      if (prev >= 0) {
        const before = at[prev];
        const newLine = here.top > before.top + Math.min(here.height, before.height) / 2;
        const prevCh = chars[prev].node.data[chars[prev].i];
        // Japanese text may break between any two characters; a code is ASCII on both sides of the break.
        const ascii = /^[\x21-\x7e]$/.test(prevCh) && /^[\x21-\x7e]$/.test(ch);
        // A dash that starts a token (a PowerShell parameter such as -Identity) is not a separator.
        const before2 = prev > 0 ? chars[prev - 1].node.data[chars[prev - 1].i] : ' ';
        const leadingDash = prevCh === '-' && /[\s(]/.test(before2);
        if (newLine && ascii && !spaceBetween && (!BREAK_AFTER.has(prevCh) || leadingDash)) {
          const text = chars.map((c) => c.node.data[c.i]).join('');
          return `${text.slice(Math.max(0, prev - 20), prev + 1)}⏎${text.slice(k, k + 20)}`;
        }
      }
      prev = k;
      spaceBetween = false;
    }
    return null;
  }

  // Code elements: all their text, across the text nodes inside (a <wbr> splits a host into several).
  for (const el of main.querySelectorAll(CODE_ELEMENTS)) {
    if (skipped(el) || el.parentElement?.closest(CODE_ELEMENTS)) continue;
    const chars = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && chars.length < MAX_CHARS; node = walker.nextNode())
      for (let i = 0; i < node.data.length && chars.length < MAX_CHARS; i++) chars.push({ node, i });
    const broken = midWordBreak(chars);
    if (broken) out.push(`code broken mid-word: "${broken}" in ${describe(el)}`);
  }
  // Code-like tokens in running text.
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || skipped(parent) || parent.closest(CODE_ELEMENTS)) continue;
    for (const m of node.data.matchAll(CODE)) {
      const chars = [];
      for (let i = m.index; i < m.index + m[0].length; i++) chars.push({ node, i });
      const broken = midWordBreak(chars);
      if (broken) out.push(`code broken mid-word: "${broken}" in ${describe(parent)}`);
    }
  }
  for (const table of main.querySelectorAll('table')) {
    const t = table.getBoundingClientRect();
    if (t.width === 0) continue;
    const holder = table.parentElement;
    if (!holder) continue;
    const h = holder.getBoundingClientRect();
    if (t.right <= h.right + 1) continue;
    let scrolls = false;
    for (let el = holder; el && el !== main; el = el.parentElement) {
      const ox = getComputedStyle(el).overflowX;
      if (ox === 'auto' || ox === 'scroll') scrolls = true;
    }
    if (!scrolls) out.push(`table wider than its box and not scrollable: <table class="${table.className}">`);
  }
  return out;
})();
