// explain's build index of the built-in panel codes is trusted only while every profile file is unchanged; any
// change, addition or removal sends explain back to reading the files, and a malformed entry counts as "could
// match" (the validated loader then decides). The index can only skip work, never hide a match.
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexAnswer, type PanelCodeIndex } from '../../src/cli/vendor-codes-quick';
import { normVendorText } from '../../src/shared/vendor-code-match';

let dir: string;
const CODES = [{ code: '016-764', texts: ['SMTP server connection error'] }];

function indexOf(names: string[], panelCodes: Record<string, unknown> = {}): PanelCodeIndex {
  return {
    version: 1,
    files: names.map((name) => {
      const st = statSync(join(dir, name));
      return {
        name,
        size: st.size,
        mtimeMs: st.mtimeMs,
        ...(name in panelCodes ? { panelCodes: panelCodes[name] } : {}),
      };
    }),
  };
}
const text = (t: string) => normVendorText(t);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmd-index-'));
  writeFileSync(join(dir, 'xerox.json'), JSON.stringify({ panelCodes: CODES }));
  writeFileSync(join(dir, 'ricoh.json'), JSON.stringify({}));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('indexAnswer', () => {
  const names = ['xerox.json', 'ricoh.json'];
  it('answers from the index while the files are unchanged: a match, and no match', () => {
    const index = indexOf(names, { 'xerox.json': CODES });
    expect(indexAnswer(index, dir, names, text('Error 016-764'))).toBe(true);
    expect(indexAnswer(index, dir, names, text('535 5.7.3 Authentication unsuccessful'))).toBe(false);
  });
  it('is not trusted when a file changed since the build (mtime or size), was added or was removed', () => {
    const index = indexOf(names, { 'xerox.json': CODES });
    utimesSync(join(dir, 'ricoh.json'), new Date(), new Date(Date.now() + 5_000));
    expect(indexAnswer(index, dir, names, text('535'))).toBeNull();
    const fresh = indexOf(names, { 'xerox.json': CODES });
    writeFileSync(join(dir, 'ricoh.json'), JSON.stringify({ panelCodes: [{ code: '535' }] }));
    expect(indexAnswer(fresh, dir, names, text('535'))).toBeNull();
    expect(indexAnswer(indexOf(names), dir, [...names, 'canon.json'], text('535'))).toBeNull();
    expect(indexAnswer(indexOf(names), dir, ['xerox.json'], text('535'))).toBeNull();
  });
  it('a malformed entry counts as "could match" (the validated loader decides); a wrong version is not used', () => {
    expect(indexAnswer(indexOf(names, { 'ricoh.json': 'unreadable' }), dir, names, text('535'))).toBe(true);
    expect(indexAnswer({ ...indexOf(names), version: 2 as 1 }, dir, names, text('535'))).toBeNull();
  });
});
