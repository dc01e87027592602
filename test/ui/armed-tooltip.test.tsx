import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Line, LineChart } from 'recharts';
import { ChartMeasure } from '../../src/features/charts/chart-measure';
import { ArmedTooltip } from '../../src/ui/armed-tooltip';

const ROWS = [
  { qps: 1, value: 2 },
  { qps: 4, value: 5 },
];

/** A small line chart with an armed tooltip, at a fixed size (jsdom lays nothing out). */
function Plot() {
  return (
    <LineChart width={400} height={200} data={ROWS}>
      <ArmedTooltip isAnimationActive={false} />
      <Line dataKey="value" isAnimationActive={false} />
    </LineChart>
  );
}

const tooltips = (container: HTMLElement) =>
  container.querySelectorAll('.recharts-tooltip-wrapper').length;

describe('a chart tooltip armed by its box', () => {
  it('is not mounted until the pointer enters the chart box, then stays', () => {
    const { container } = render(
      <ChartMeasure fallbackWidth={400} empty={false}>
        {() => <Plot />}
      </ChartMeasure>,
    );
    expect(container.querySelector('.recharts-surface')).not.toBeNull();
    expect(tooltips(container)).toBe(0);
    const box = container.querySelector('.chart-measure') as HTMLElement;
    fireEvent.mouseEnter(box);
    expect(tooltips(container)).toBe(1);
    fireEvent.mouseLeave(box);
    expect(tooltips(container)).toBe(1);
  });

  it('is mounted once focus moves into the chart box', () => {
    const { container } = render(
      <ChartMeasure fallbackWidth={400} empty={false}>
        {() => (
          <>
            <button type="button">inside</button>
            <Plot />
          </>
        )}
      </ChartMeasure>,
    );
    expect(tooltips(container)).toBe(0);
    fireEvent.focus(container.querySelector('button') as HTMLElement);
    expect(tooltips(container)).toBe(1);
  });

  it('is mounted from the start in a chart outside any arming box', () => {
    const { container } = render(<Plot />);
    expect(tooltips(container)).toBe(1);
  });
});
