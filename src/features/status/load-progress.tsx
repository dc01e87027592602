import { useEffect, useState } from 'react';
import { useDashboardStore, type LoadProgress } from '../../store/dashboard-store';
import { cancelLoad } from '../../store/load-files';

/** A load that finishes sooner than this never shows a progress bar (it would only flicker). */
export const PROGRESS_DELAY_MS = 500;

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function describe(load: LoadProgress): string {
  switch (load.stage) {
    case 'reading':
      return `Reading ${load.names}: ${megabytes(load.doneBytes)} of ${megabytes(load.totalBytes)} MB`;
    case 'parsing':
      return `Parsing ${load.names}…`;
    case 'adding':
      return `Adding the results of ${load.names}…`;
  }
}

function ProgressRow({ load }: { load: LoadProgress }) {
  const id = `load-progress-${String(load.id)}`;
  const text = describe(load);
  return (
    <div className="load-progress">
      <label htmlFor={id} className="load-progress-text">
        {text}
      </label>
      {load.stage === 'reading' ? (
        <progress id={id} max={load.totalBytes} value={load.doneBytes} />
      ) : (
        <progress id={id} />
      )}
      <button
        type="button"
        onClick={() => {
          cancelLoad(load.id);
        }}
        aria-label={`Cancel loading ${load.names}`}
      >
        Cancel
      </button>
    </div>
  );
}

/**
 * Progress of loads running in the parsing worker, each with `Cancel`. A load appears only once
 * it has taken half a second, so small files load without any flash.
 */
export function LoadProgressList() {
  const loads = useDashboardStore((state) => state.loads);
  const [now, setNow] = useState(() => performance.now());
  const pending = loads.filter((load) => now - load.startedAt < PROGRESS_DELAY_MS);
  const nextDue = Math.min(...pending.map((load) => load.startedAt + PROGRESS_DELAY_MS));

  useEffect(() => {
    if (!Number.isFinite(nextDue)) return;
    const timer = setTimeout(
      () => {
        // Timers run in whole milliseconds and the clock is coarsened: this one may run a hair
        // before it is due, and then no later change would set another. It is due: say so.
        setNow(Math.max(performance.now(), nextDue));
      },
      Math.max(0, nextDue - performance.now()),
    );
    return () => {
      clearTimeout(timer);
    };
  }, [nextDue]);

  const shown = loads.filter((load) => now - load.startedAt >= PROGRESS_DELAY_MS);
  if (shown.length === 0) return null;
  return (
    <section className="load-progress-list" aria-label="Loading files">
      {shown.map((load) => (
        <ProgressRow key={load.id} load={load} />
      ))}
    </section>
  );
}
