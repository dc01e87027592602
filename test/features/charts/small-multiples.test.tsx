import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type {
  ChartPanel,
  SmallMultiples as PanelsData,
} from '../../../src/data/charts/small-multiples';
import { SmallMultiples, type RenderPanel } from '../../../src/features/charts/small-multiples';

interface Named extends PanelsData<ChartPanel> {
  readonly name: string;
}

/** Chart data named `name` with a panel per key. */
function chartData(name: string, keys: readonly string[]): Named {
  return {
    name,
    gpus: [],
    panels: keys.map((key) => ({ key, label: key, engines: ['vLLM'] })),
    omittedPanels: 0,
    engines: ['vLLM'],
  };
}

const drawn: string[] = [];
const renderPanel: RenderPanel<Named> = (data, panel) => {
  drawn.push(`${data.name}:${panel.key}`);
  return <p>{`${data.name}:${panel.key}`}</p>;
};
const NONE_OFF: ReadonlySet<string> = new Set();

function shownPanels(): string[] {
  return screen.queryAllByText(/:/).map((element) => element.textContent);
}

function renderPanels(data: Named, staggered: boolean) {
  drawn.length = 0;
  return render(
    <SmallMultiples data={data} off={NONE_OFF} render={renderPanel} staggered={staggered} />,
  );
}

describe('small multiples', () => {
  it('draw every panel of new data at once over a small data set', () => {
    const { rerender } = renderPanels(chartData('old', ['a', 'b', 'c']), false);
    expect(shownPanels()).toEqual(['old:a', 'old:b', 'old:c']);
    rerender(
      <SmallMultiples
        data={chartData('new', ['a', 'b', 'c', 'd'])}
        off={NONE_OFF}
        render={renderPanel}
        staggered={false}
      />,
    );
    expect(shownPanels()).toEqual(['new:a', 'new:b', 'new:c', 'new:d']);
  });

  it('draw new data one panel a task over a large one, the others as they were', async () => {
    const { rerender } = renderPanels(chartData('old', ['a', 'b', 'c', 'd', 'e']), true);
    // The first mount over a large data set: one panel, then the others in turn.
    expect(shownPanels()).toEqual(['old:a']);
    await waitFor(() => {
      expect(shownPanels()).toHaveLength(5);
    });
    drawn.length = 0;
    rerender(
      <SmallMultiples
        data={chartData('new', ['a', 'b', 'c', 'd'])}
        off={NONE_OFF}
        render={renderPanel}
        staggered
      />,
    );
    // The first panel takes the new data at once; the others keep what they drew and are not
    // drawn again; the fifth slot is gone with the fifth panel.
    expect(shownPanels()).toEqual(['new:a', 'old:b', 'old:c', 'old:d']);
    expect(drawn).toEqual(['new:a']);
    await waitFor(() => {
      expect(shownPanels()).toEqual(['new:a', 'new:b', 'new:c', 'new:d']);
    });
    expect(drawn).toEqual(['new:a', 'new:b', 'new:c', 'new:d']);
  });
});
