import { useMemo } from 'react';
import { usePlotArea } from 'recharts';
import { engineDash } from '../../data/charts/engine-dash';
import { seriesKeyOf } from '../../data/charts/small-multiples';
import type { TradeOffPoint } from '../../data/charts/trade-off';
import { dotsPath, linePath, type PixelPoint } from './svg-paths';
import { gpuColor } from '../../ui/use-chart-palette';
import { usePanelState } from './trade-off-panel-state';

/** How close (px) the pointer must come to a point to show it. */
const HOVER_RADIUS = 24;

/**
 * Points and frontiers drawn from the chart's scales, one path per GPU for each, and the pointer
 * and keyboard handling that picks a point for the tooltip. Recharts' <Scatter> renders a
 * component per point and its item tooltip needs one per series: too slow at 2,000 points. Reads
 * the panel state, so a pointed point re-renders the layer, not the chart.
 */
export function TradeOffLayer() {
  const { data, panel, axes, series, points, palette, active, onActive } = usePanelState();
  const label = `${data.y.label} against achieved throughput for ${panel.label}`;
  const area = usePlotArea();
  // Pixel positions and paths, worked out once per drawing (not on every pointer move). Both axes
  // are linear from the domains this chart set, so a point's pixel is plain arithmetic.
  const drawn = useMemo(() => {
    if (area === undefined) return null;
    const [x0, x1] = axes.x.domain;
    const [y0, y1] = axes.y.domain;
    const xPer = area.width / (x1 - x0);
    const yPer = area.height / (y1 - y0);
    const at = new Map<TradeOffPoint, PixelPoint>();
    for (const { point } of points) {
      at.set(point, {
        x: area.x + (point.x - x0) * xPer,
        y: area.y + area.height - (point.y - y0) * yPer,
      });
    }
    const placed = (list: readonly TradeOffPoint[]): PixelPoint[] =>
      list.flatMap((point) => {
        const pixel = at.get(point);
        return pixel === undefined ? [] : [pixel];
      });
    return {
      pixels: points.map(({ point }) => at.get(point) ?? null),
      series: series.map((entry) => {
        const own = placed(entry.points);
        return {
          gpu: entry.gpu,
          key: seriesKeyOf(entry),
          dash: engineDash(data.engines, entry.engine),
          dots: dotsPath(own, 4.5),
          count: own.length,
          frontier: linePath(placed(entry.frontier)),
        };
      }),
    };
  }, [area, axes, points, series, data.engines]);
  if (drawn === null || area === undefined) return null;
  const { pixels } = drawn;
  const activate = (index: number): void => {
    const pixel = pixels[index];
    onActive(pixel === null || pixel === undefined ? null : { index, ...pixel });
  };
  const nearest = (x: number, y: number): number => {
    let best = -1;
    let bestDistance = HOVER_RADIUS;
    pixels.forEach((pixel, index) => {
      if (pixel === null) return;
      const distance = Math.hypot(pixel.x - x, pixel.y - y);
      if (distance < bestDistance) {
        best = index;
        bestDistance = distance;
      }
    });
    return best;
  };
  const activePixel = active === null ? null : (pixels[active.index] ?? null);
  const activeGpu = active === null ? undefined : points[active.index]?.series.gpu;

  return (
    <g className="trade-off-points">
      {drawn.series.map((entry) => {
        const color = gpuColor(palette, entry.gpu.slot);
        return (
          <g key={entry.key} className={`chart-series series-${entry.gpu.key}`}>
            <path
              d={entry.frontier}
              stroke={color}
              strokeWidth={2}
              strokeDasharray={entry.dash}
              fill="none"
              className="frontier-line"
            />
            <path d={entry.dots} fill={color} data-points={entry.count} />
          </g>
        );
      })}
      {activePixel !== null && activeGpu !== undefined && (
        <circle
          cx={activePixel.x}
          cy={activePixel.y}
          r={8}
          fill="none"
          stroke={gpuColor(palette, activeGpu.slot)}
          strokeWidth={2}
          className="active-point"
        />
      )}
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        className="trade-off-hit"
        tabIndex={0}
        role="application"
        aria-label={`${label}. Arrow keys move between points; the tooltip reads each one.`}
        onMouseMove={(event) => {
          const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
          if (box === undefined) return;
          const index = nearest(event.clientX - box.left, event.clientY - box.top);
          if (index === -1) onActive(null);
          else if (index !== active?.index) activate(index);
        }}
        onMouseLeave={() => {
          onActive(null);
        }}
        onFocus={() => {
          if (active === null && points.length > 0) activate(0);
        }}
        onBlur={() => {
          onActive(null);
        }}
        onKeyDown={(event) => {
          const count = points.length;
          if (count === 0) return;
          const current = active?.index ?? -1;
          let next: number | null = null;
          if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (current + 1) % count;
          else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
            next = (current - 1 + count) % count;
          else if (event.key === 'Home') next = 0;
          else if (event.key === 'End') next = count - 1;
          else if (event.key === 'Escape') {
            onActive(null);
            return;
          }
          if (next === null) return;
          event.preventDefault();
          activate(next);
        }}
      />
    </g>
  );
}
