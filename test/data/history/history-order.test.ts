import { describe, expect, it } from 'vitest';
import {
  canMoveRun,
  datasetDate,
  historyOrdering,
  moveRun,
  orderAfterMove,
  orderHistory,
} from '../../../src/data/history/history-order';

describe('orderHistory', () => {
  const u1 = { id: 'u1', date: null };
  const u2 = { id: 'u2', date: null };
  const d18 = { id: 'd18', date: '2024-09-18T00:00:00' };
  const d20 = { id: 'd20', date: '2024-09-20T00:00:00' };

  it('orders by date when every run has one, whatever the user order', () => {
    expect(orderHistory([d20, d18], []).map((run) => run.id)).toEqual(['d18', 'd20']);
    expect(orderHistory([d20, d18], ['d20', 'd18']).map((run) => run.id)).toEqual(['d18', 'd20']);
    expect(historyOrdering([d20, d18])).toBe('date');
  });

  it('keeps the order loaded, or the order the user gives, when no run has a date', () => {
    expect(orderHistory([u1, u2], []).map((run) => run.id)).toEqual(['u1', 'u2']);
    expect(orderHistory([u1, u2], ['u2', 'u1']).map((run) => run.id)).toEqual(['u2', 'u1']);
    // Unknown ids are ignored; runs not listed follow in the order given.
    const u3 = { id: 'u3', date: null };
    expect(orderHistory([u1, u2, u3], ['gone', 'u3']).map((run) => run.id)).toEqual([
      'u3',
      'u1',
      'u2',
    ]);
    expect(historyOrdering([u1, u2])).toBe('user');
  });

  it('places runs without a date by the user order and fills the rest in date order', () => {
    // Slots: u1 at 0, u2 at 2; slots 1 and 3 take d18 then d20.
    expect(orderHistory([u1, d20, u2, d18], []).map((run) => run.id)).toEqual([
      'u1',
      'd18',
      'u2',
      'd20',
    ]);
    expect(
      orderHistory([u1, d20, u2, d18], ['d20', 'd18', 'u2', 'u1']).map((run) => run.id),
    ).toEqual(['d18', 'd20', 'u2', 'u1']);
    expect(historyOrdering([u1, d20])).toBe('mixed');
  });

  it('keeps equal dates in the user order', () => {
    const e1 = { id: 'e1', date: '2024-09-18T00:00:00' };
    const e2 = { id: 'e2', date: '2024-09-18T00:00:00' };
    expect(orderHistory([e1, e2], ['e2']).map((run) => run.id)).toEqual(['e2', 'e1']);
  });

  it('moves a run one place, never past a run of another date', () => {
    const shown = [u1, d18, d20];
    expect(canMoveRun(shown, 0, -1)).toBe(false);
    expect(canMoveRun(shown, 0, 1)).toBe(true);
    expect(canMoveRun(shown, 1, 1)).toBe(false);
    expect(canMoveRun(shown, 2, 1)).toBe(false);
    // A dated run may pass one without a date, or one of the same date.
    expect(canMoveRun([d18, u1], 0, 1)).toBe(true);
    const sameDay = { id: 'e', date: d18.date };
    expect(canMoveRun([d18, sameDay], 1, -1)).toBe(true);
    // No run at that place: nothing to move.
    expect(canMoveRun(shown, 3, -1)).toBe(false);
    expect(moveRun(['u1', 'd18', 'd20'], 'u1', 1)).toEqual(['d18', 'u1', 'd20']);
    expect(moveRun(['u1', 'd18'], 'u1', -1)).toEqual(['u1', 'd18']);
    expect(moveRun(['u1', 'd18'], 'gone', 1)).toEqual(['u1', 'd18']);
  });

  it('keeps where runs not shown now were placed when a shown one moves', () => {
    // The user placed u3 first earlier; another metric shows only u1 and u2, in that order.
    expect(orderAfterMove(['u3', 'u2', 'u1'], ['u1', 'u2'], 'u2', -1)).toEqual(['u2', 'u1', 'u3']);
    // Nothing placed yet: the shown order, moved.
    expect(orderAfterMove([], ['u1', 'u2', 'u3'], 'u3', -1)).toEqual(['u1', 'u3', 'u2']);
    // A move past the end changes nothing but still records the shown order first.
    expect(orderAfterMove(['u3'], ['u1', 'u2'], 'u2', 1)).toEqual(['u1', 'u2', 'u3']);
  });

  it('reads a date only when it is one', () => {
    expect(datasetDate({ meta: { date: '2024-09-18T05:44:08' } })).toBe('2024-09-18T05:44:08');
    expect(datasetDate({ meta: { date: '2024-09-18' } })).toBe('2024-09-18');
    expect(datasetDate({ meta: { date: 'yesterday' } })).toBeNull();
    expect(datasetDate({})).toBeNull();
  });
});
