import { useMemo } from 'react';
import type { BaseTickContentProps } from 'recharts';
import { formatTick } from './chart-text';
import type { WrappedLabel } from './wrap-label';

export interface PlainTickStyle {
  readonly fill: string;
  readonly fontSize: number;
  /** Which axis: x labels hang below their tick, y labels sit left of it, centred. */
  readonly axis: 'x' | 'y';
  /** Rotation of x labels in degrees (negative = counter-clockwise). */
  readonly angle?: number;
}

/**
 * A tick label as a bare <text>. Recharts' own <Text> measures words in the DOM for wrapping on
 * every render, which costs a forced layout per label; these labels are short and never wrap.
 * Create once per style (useMemo): recharts re-renders ticks whose renderer changes.
 */
export function plainTick(format: (value: unknown) => string, style: PlainTickStyle) {
  return function PlainTick({ x, y, payload, textAnchor }: BaseTickContentProps) {
    const text = format(payload.value);
    const angle = style.angle ?? 0;
    const px = Number(x);
    const py = Number(y);
    return (
      <text
        x={px}
        y={py}
        dy={style.axis === 'x' ? '0.71em' : '0.355em'}
        textAnchor={angle === 0 ? textAnchor : 'end'}
        transform={angle === 0 ? undefined : `rotate(${angle} ${px} ${py})`}
        fill={style.fill}
        fontSize={style.fontSize}
        className="recharts-cartesian-axis-tick-value"
      >
        {text}
      </text>
    );
  };
}

/**
 * A tick label of one or more lines (x axis): each line a <tspan> under the last. A shortened label
 * carries its whole text in a <title>, so pointing at it shows the full name.
 */
export function wrappedTick(label: (value: unknown) => WrappedLabel, style: PlainTickStyle) {
  return function WrappedTick({ x, y, payload, textAnchor }: BaseTickContentProps) {
    const { text, lines, shortened } = label(payload.value);
    const angle = style.angle ?? 0;
    const px = Number(x);
    const py = Number(y);
    const drawn = (
      <text
        x={px}
        y={py}
        textAnchor={angle === 0 ? textAnchor : 'end'}
        transform={angle === 0 ? undefined : `rotate(${angle} ${px} ${py})`}
        fill={style.fill}
        fontSize={style.fontSize}
        className="recharts-cartesian-axis-tick-value"
      >
        {lines.map((line, i) => (
          <tspan key={i} x={px} dy={i === 0 ? '0.71em' : '1.2em'}>
            {line}
          </tspan>
        ))}
      </text>
    );
    if (!shortened) return drawn;
    return (
      <g>
        <title>{text}</title>
        {drawn}
      </g>
    );
  };
}

/** Number tick labels for an axis (`1,050`), made once per colour. */
export function useNumberTick(fill: string, axis: 'x' | 'y') {
  return useMemo(() => plainTick(formatTick, { fill, fontSize: 12, axis }), [fill, axis]);
}
