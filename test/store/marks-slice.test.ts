import { beforeEach, describe, expect, it } from 'vitest';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { RUN_MARKS_STORAGE_KEY, readStoredRunMarks } from '../../src/store/marks-slice';

const store = () => useDashboardStore.getState();

beforeEach(() => {
  window.localStorage.clear();
  store().reset();
});

describe('runs marked by hand in the store', () => {
  it('sets, replaces and clears a mark, remembering the marks in this browser', () => {
    store().setRunMark('8×H100', '2026-09-17', 'known change');
    store().setRunMark('8×H200', '2026-09-03', 'outlier');
    expect(store().runMarks).toEqual([
      { gpu: '8×H100', date: '2026-09-17', kind: 'known change' },
      { gpu: '8×H200', date: '2026-09-03', kind: 'outlier' },
    ]);
    expect(JSON.parse(window.localStorage.getItem(RUN_MARKS_STORAGE_KEY) ?? 'null')).toEqual(
      store().runMarks,
    );
    // A new page (reset reads the storage again) has them back.
    store().reset();
    expect(store().runMarks).toHaveLength(2);

    store().setRunMark('8×H100', '2026-09-17', 'outlier');
    expect(store().runMarks).toContainEqual({
      gpu: '8×H100',
      date: '2026-09-17',
      kind: 'outlier',
    });
    store().setRunMark('8×H100', '2026-09-17', null);
    store().setRunMark('8×H200', '2026-09-03', null);
    expect(store().runMarks).toEqual([]);
    // No marks left: nothing is kept.
    expect(window.localStorage.getItem(RUN_MARKS_STORAGE_KEY)).toBeNull();
  });

  it('reads hostile or broken storage as no marks, and works without storage', () => {
    window.localStorage.setItem(RUN_MARKS_STORAGE_KEY, '{"__proto__":{"x":1}}');
    expect(readStoredRunMarks()).toEqual([]);
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
    } as unknown as Storage;
    expect(readStoredRunMarks(throwing)).toEqual([]);
    expect(readStoredRunMarks(null)).toEqual([]);
  });

  it('keeps a mark for the page when storage refuses to store it', () => {
    const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      value: {
        getItem: () => null,
        setItem: () => {
          throw new Error('full');
        },
        removeItem: () => undefined,
      },
    });
    try {
      store().setRunMark('8×H100', '2026-09-17', 'outlier');
      expect(store().runMarks).toEqual([{ gpu: '8×H100', date: '2026-09-17', kind: 'outlier' }]);
    } finally {
      if (original !== undefined) Object.defineProperty(window, 'localStorage', original);
    }
  });
});
