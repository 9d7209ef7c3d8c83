/* global document, NodeFilter, getComputedStyle */
// Runs in the page (layout.spec.ts reads this file and evaluates it): every code broken mid-word and every
// table wider than its box that does not scroll, as descriptions. Plain JavaScript: the node tsconfig has no DOM types.
(() => {
  const out = [];
  const CODE =
    /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[245]\.\d{1,3}\.\d{1,3}\b|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|microsoft|org|jp)\b/g;
  const main = document.querySelector('main');
  if (!main) return ['no main'];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const parent = node.parentElement;
    if (!parent || parent.closest('textarea, input, select, pre, .transcript-rows')) continue;
    for (const m of text.matchAll(CODE)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) continue;
      const tops = new Set(rects.map((r) => Math.round(r.top)));
      if (tops.size <= 1) continue;
      // A code longer than its whole box may wrap; anything else must move to the next line whole.
      const width = rects.reduce((w, r) => w + r.width, 0);
      // Its line box: the nearest ancestor that is not inline, less its padding.
      let box = parent;
      while (box.parentElement && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
      const cs = getComputedStyle(box);
      if (width > box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 8) continue;
      out.push(
        `code broken mid-word: "${m[0]}" in <${parent.tagName.toLowerCase()} class="${parent.className}">`,
      );
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
