import {
  createContext,
  useCallback,
  useContext,
  useState,
  type ComponentProps,
  type ReactNode,
} from 'react';
import { Tooltip } from 'recharts';
import { useElementWidth } from './use-element-width';

/**
 * Whether the charts below have a tooltip yet. Without a provider they have one from the start.
 */
const TooltipArmed = createContext(true);

/** What arms a chart's tooltip: the pointer entering its box, or focus moving into it. */
interface ArmingHandlers {
  readonly onPointerEnter: () => void;
  readonly onMouseEnter: () => void;
  readonly onFocus: () => void;
}

/**
 * Whether a chart's tooltip is mounted yet, and the handlers of the box that arms it: from the
 * first time the pointer enters the box or focus moves into it, the tooltip is there for good.
 * Recharts' tooltip measures its box with `getBoundingClientRect` the moment it mounts, which
 * forces a layout of the page into the chart's commit: 10-30 ms of the chart tasks after a pick
 * of 100,000 results, for tooltips nobody had pointed at yet. The pointer's first move over the
 * plot is kept by the chart, so the tooltip shows at once when it mounts.
 */
function useTooltipArming(): readonly [boolean, ArmingHandlers] {
  const [armed, setArmed] = useState(false);
  const arm = useCallback(() => {
    setArmed(true);
  }, []);
  return [armed, { onPointerEnter: arm, onMouseEnter: arm, onFocus: arm }];
}

/** Recharts' `Tooltip`, mounted once the chart's box has armed it (see `useTooltipArming`). */
export function ArmedTooltip(props: ComponentProps<typeof Tooltip>) {
  const armed = useContext(TooltipArmed);
  return armed ? <Tooltip {...props} /> : null;
}

/**
 * The box a chart's plot fills: measured, so the plot is drawn at its width in pixels, and the
 * box that arms the tooltips of the charts inside it (see `useTooltipArming`).
 */
export function ChartBox({
  fallbackWidth,
  children,
}: {
  /** The width (px) drawn at where nothing can be measured. */
  readonly fallbackWidth: number;
  /** The plot at the measured width. */
  readonly children: (width: number) => ReactNode;
}) {
  const [measure, width] = useElementWidth(fallbackWidth);
  const [armed, arming] = useTooltipArming();
  return (
    <div ref={measure} className="chart-measure" {...arming}>
      <TooltipArmed.Provider value={armed}>{children(width)}</TooltipArmed.Provider>
    </div>
  );
}
