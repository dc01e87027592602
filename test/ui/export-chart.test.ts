import { afterEach, describe, expect, it } from 'vitest';
import { buildChartSvg } from '../../src/ui/export-chart';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A plot holding one chart surface and a small-chart title, as the charts render them. */
function plotWithSurface(): HTMLElement {
  const plot = document.createElement('div');
  const title = document.createElement('h4');
  title.dataset.exportText = '';
  title.textContent = 'Llama 3.1 8B · TP1 · sharegpt';
  const surface = document.createElementNS(SVG_NS, 'svg');
  surface.setAttribute('class', 'recharts-surface');
  surface.setAttribute('role', 'application');
  surface.setAttribute('tabindex', '0');
  const bar = document.createElementNS(SVG_NS, 'path');
  bar.setAttribute('d', 'M0 0h10v10h-10Z');
  bar.setAttribute('fill', '#e69f00');
  bar.style.setProperty('fill', '#e69f00');
  surface.append(bar);
  plot.append(title, surface);
  document.body.append(plot);
  return plot;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('chart export', () => {
  it('makes a standalone SVG with the title, the chart and the legend drawn in', () => {
    const { svg } = buildChartSvg({
      plot: plotWithSurface(),
      title: 'Latency by model and GPU',
      legend: [
        { label: '8×H100', color: '#e69f00', off: false },
        { label: '8×H200', color: '#009e73', off: true },
      ],
      background: '#ffffff',
      textColor: '#1b1f24',
      fileName: 'vllm-latency-chart',
    });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(doc.querySelector('parsererror')).toBeNull();
    const texts = [...root.querySelectorAll('text')].map((text) => text.textContent);
    expect(texts).toEqual([
      'Latency by model and GPU',
      'Llama 3.1 8B · TP1 · sharegpt',
      '8×H100',
      '8×H200',
    ]);
    // The legend swatches carry the series colours; the turned-off series is drawn faded.
    const swatches = [...root.querySelectorAll('g > rect')].map((rect) =>
      rect.getAttribute('fill'),
    );
    expect(swatches).toEqual(['#e69f00', '#009e73']);
    expect(root.querySelectorAll('g[opacity="0.4"]')).toHaveLength(1);
    // The chart surface is nested as it is, without its interactive attributes.
    const nested = root.querySelector('svg');
    // Styles travel as presentation attributes (#e69f00 as the browser computes it), never as a
    // `style` attribute, which the site's Content-Security-Policy would refuse.
    expect(nested?.querySelector('path')?.getAttribute('fill')).toBe('rgb(230, 159, 0)');
    expect(root.querySelectorAll('[style]')).toHaveLength(0);
    expect(nested?.hasAttribute('role')).toBe(false);
    expect(nested?.hasAttribute('tabindex')).toBe(false);
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(svg).not.toContain('var(--');
  });
});
