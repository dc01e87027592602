import { useEffect, useRef } from 'react';
import { canMoveRun, formatHistoryDate } from '../../data/history/history-order';
import { type HistoryData } from '../../data/history/history-data';

interface OrderListProps {
  readonly data: HistoryData;
  readonly onMove: (id: string, delta: -1 | 1) => void;
}

/** The two moves, in the order their buttons stand. */
const MOVES = [
  { delta: -1, word: 'earlier', text: '↑ Earlier' },
  { delta: 1, word: 'later', text: '↓ Later' },
] as const;

/** The runs in their order, each with buttons to move it earlier or later. */
export function RunOrder({ data, onMove }: OrderListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<{ id: string; delta: -1 | 1 } | null>(null);
  // Moving a run re-orders the list: keep the focus on the button just used (or its partner when
  // the run reached an end), so Earlier, Earlier, Earlier works from the keyboard.
  useEffect(() => {
    const focus = pendingFocus.current;
    pendingFocus.current = null;
    if (focus === null || listRef.current === null) return;
    const buttons = listRef.current.querySelectorAll<HTMLButtonElement>('button[data-run]');
    const mine = [...buttons].filter((button) => button.dataset.run === focus.id);
    const wanted = mine.find(
      (button) => button.dataset.delta === String(focus.delta) && !button.disabled,
    );
    (wanted ?? mine.find((button) => !button.disabled))?.focus();
  }, [data]);
  const runs = data.runs;
  return (
    <div className="history-order">
      <p className="history-order-note">
        {data.ordering === 'mixed'
          ? 'Datasets with a date stay in date order; place the ones without a date.'
          : 'These datasets have no date: set their order.'}
      </p>
      <ol ref={listRef} className="history-order-list" aria-label="Order of datasets">
        {runs.map((run, index) => (
          <li key={run.id}>
            <span className="history-order-label">{run.label}</span>
            <span className="history-order-date">
              {run.date === null ? 'no date' : formatHistoryDate(run.date)}
            </span>
            {MOVES.map(({ delta, word, text }) => (
              <button
                key={delta}
                type="button"
                data-run={run.id}
                data-delta={delta}
                aria-label={`Move ${run.axisLabel} ${word}`}
                disabled={!canMoveRun(runs, index, delta)}
                onClick={() => {
                  pendingFocus.current = { id: run.id, delta };
                  onMove(run.id, delta);
                }}
              >
                {text}
              </button>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
