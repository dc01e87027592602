import { useMemo } from 'react';

/**
 * A value axis' title for recharts, written up the axis' left side, centred; the same object
 * while its text and look are, so the axis is not drawn again for nothing.
 */
export function useValueAxisLabel(title: string, color: string, offset = 2, fontSize = 11) {
  return useMemo(
    () => ({
      value: title,
      angle: -90,
      position: 'insideLeft' as const,
      offset,
      style: { textAnchor: 'middle' as const, fill: color, fontSize },
    }),
    [title, color, offset, fontSize],
  );
}
