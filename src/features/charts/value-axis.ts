import type { ValueScale } from '../../ui/chart-text';

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
