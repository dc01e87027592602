import { useMemo } from 'react';
import { formatTick, type ValueScale } from '../../ui/chart-text';
import { plainTick } from '../../ui/plain-tick';

/** Number tick labels for an axis (`1,050`), made once per colour. */
export function useNumberTick(fill: string, axis: 'x' | 'y') {
  return useMemo(() => plainTick(formatTick, { fill, fontSize: 12, axis }), [fill, axis]);
}

/**
 * Recharts axis settings for a scale worked out here: exactly its domain and ticks, every tick
 * labelled, nothing widened by recharts' own rounding.
 */
export function fixedScale(scale: ValueScale) {
  return {
    domain: scale.domain,
    ticks: scale.ticks,
    allowDataOverflow: true,
    niceTicks: 'none' as const,
    interval: 0,
  };
}
