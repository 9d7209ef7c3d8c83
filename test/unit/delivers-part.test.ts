import { describe, expect, it } from 'vitest';
import { partText } from '../../src/shared/delivers-part';

describe('partText: which recipients a method reaches, in the reader’s language', () => {
  const r = {
    reachedKind: 'internal' as const,
    reached: ['staff@contoso.com'],
    missed: ['partner@fabrikam.com'],
  };
  it('words the parts in Japanese and English', () => {
    expect(partText(r, 'ja')).toBe(
      '組織内の宛先のみ (staff@contoso.com)。組織外の宛先 (partner@fabrikam.com) には届きません',
    );
    expect(partText(r, 'en')).toBe(
      'internal recipients only (staff@contoso.com); not external recipients (partner@fabrikam.com)',
    );
  });
  it('a report saved before the parts were recorded shows its English sentence as it is', () => {
    expect(partText({ part: 'internal recipients only (a@b.c)' }, 'ja')).toBe(
      'internal recipients only (a@b.c)',
    );
    expect(partText({}, 'ja')).toBeUndefined();
  });
});
