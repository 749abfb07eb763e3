import { keyResultDraftHints, objectiveDraftHints, TITLE_MAX_LENGTH } from '@bearing/core';

describe('draft lint hints (shown while typing)', () => {
  it('flag an objective that supports no parent and a title over the limit', () => {
    expect(objectiveDraftHints({ title: 'Grow', parentIds: [] })).toEqual(['noParent']);
    expect(objectiveDraftHints({ title: 'x'.repeat(TITLE_MAX_LENGTH), parentIds: ['p'] })).toEqual(
      [],
    );
    expect(objectiveDraftHints({ title: 'x'.repeat(TITLE_MAX_LENGTH + 1), parentIds: [] })).toEqual(
      ['noParent', 'tooLong'],
    );
  });

  it('flag a key result title without a number and a baseline equal to the target', () => {
    expect(keyResultDraftHints({ title: 'Better wiki', baseline: 1, target: 1 })).toEqual([
      'vague',
      'baselineIsTarget',
    ]);
    expect(keyResultDraftHints({ title: 'Rewrite 20 pages', baseline: 0, target: 20 })).toEqual([]);
    // Nothing typed yet, or a target not typed yet, is no hint.
    expect(keyResultDraftHints({ title: '  ', baseline: 0 })).toEqual([]);
  });
});
