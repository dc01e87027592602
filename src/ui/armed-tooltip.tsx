import { createContext, useCallback, useContext, useState, type ComponentProps } from 'react';
import { Tooltip } from 'recharts';

/**
 * Whether the charts below have a tooltip yet. Without a provider they have one from the start.
 */
const TooltipArmed = createContext(true);

export const TooltipArmedProvider = TooltipArmed.Provider;

/** What arms a chart's tooltip: the pointer entering its box, or focus moving into it. */
export interface ArmingHandlers {
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
export function useTooltipArming(): readonly [boolean, ArmingHandlers] {
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
