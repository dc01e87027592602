import type { BaseTickContentProps } from 'recharts';

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
