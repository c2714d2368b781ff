import { describe, expect, test } from '@jest/globals';
import { groupBy } from '../src/collections.js';

describe('groupBy', () => {
  test('groups in first-seen key order, items in their order; an undefined key leaves the item out', () => {
    const words = ['bb', 'a', 'ccc', 'dd', '', 'e'];
    const byLength = groupBy(words, w => (w === '' ? undefined : w.length));
    expect([...byLength]).toEqual([
      [2, ['bb', 'dd']],
      [1, ['a', 'e']],
      [3, ['ccc']]
    ]);
    expect(groupBy([], () => 'k')).toEqual(new Map());
    // Any key works, objects by identity; any iterable too.
    const k1 = {};
    const k2 = {};
    expect(groupBy(new Set([1, 2, 3]), n => (n % 2 ? k1 : k2)).get(k1)).toEqual([1, 3]);
  });
});
