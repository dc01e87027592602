/**
 * Saves a chart as SVG or PNG, as it looks on screen: the chart's SVG surfaces (one, or several
 * small charts) placed where they are on the page, every colour and font resolved from the CSS in
 * use and inlined, the title on top and the legend drawn below. Nothing is fetched; the PNG is the
 * same SVG drawn on a canvas at twice the size.
 */
import { saveBlob } from './save-blob';

export interface ExportLegendItem {
  readonly label: string;
  readonly color: string;
  /** Turned off in the legend: drawn faded, as on screen. */
  readonly off: boolean;
}

export interface ChartExport {
  /** The element holding the chart surfaces (and `data-export-text` labels) to export. */
  readonly plot: HTMLElement;
  readonly title: string;
  readonly legend: readonly ExportLegendItem[];
  readonly background: string;
  readonly textColor: string;
  /** File name without extension, e.g. `vllm-latency-chart`. */
  readonly fileName: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 16;
const TITLE_SIZE = 16;
const LEGEND_FONT = 12;
const LEGEND_ROW = 20;
const SWATCH = 12;

/** Styles that decide how SVG content looks; copied from the computed style onto each element. */
const INLINED_STYLES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/**
 * Copies the computed styles onto the copy as SVG presentation attributes (`fill="…"`), not a
 * `style` attribute: the site's Content-Security-Policy allows no inline styles, and the file
 * needs none (it has no style sheet for attributes to lose against).
 */
function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  for (const name of INLINED_STYLES) {
    const value = computed.getPropertyValue(name);
    if (value !== '') target.setAttribute(name, value);
  }
  if (computed.display === 'none') target.setAttribute('display', 'none');
  target.removeAttribute('style');
}

/** A copy of a surface with computed styles inlined and no interactive attributes. */
function cloneSurface(surface: SVGSVGElement, x: number, y: number): SVGSVGElement {
  const clone = surface.cloneNode(true) as SVGSVGElement;
  const sources = [surface, ...Array.from(surface.querySelectorAll('*'))];
  const targets = [clone, ...Array.from(clone.querySelectorAll('*'))];
  sources.forEach((source, i) => {
    const target = targets[i];
    if (target !== undefined) inlineStyles(source, target);
  });
  const rect = surface.getBoundingClientRect();
  for (const attribute of ['role', 'tabindex', 'class', 'aria-hidden', 'focusable']) {
    clone.removeAttribute(attribute);
  }
  clone.setAttribute('x', String(x));
  clone.setAttribute('y', String(y));
  clone.setAttribute('width', String(rect.width));
  clone.setAttribute('height', String(rect.height));
  clone.style.removeProperty('display');
  return clone;
}

/**
 * A generous estimate of a label's width: legend labels are short, and an estimate keeps the
 * layout the same wherever the file is made (no font metrics needed).
 */
function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.62;
}

function svgText(
  text: string,
  x: number,
  y: number,
  attributes: Readonly<Record<string, string>>,
): SVGTextElement {
  const element = document.createElementNS(SVG_NS, 'text');
  element.setAttribute('x', String(x));
  element.setAttribute('y', String(y));
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.textContent = text;
  return element;
}

interface LegendLayout {
  readonly items: readonly { item: ExportLegendItem; x: number; y: number }[];
  readonly height: number;
}

/** Legend items flowed left to right in rows no wider than `width`. */
function layoutLegend(legend: readonly ExportLegendItem[], width: number): LegendLayout {
  const items: { item: ExportLegendItem; x: number; y: number }[] = [];
  let x = 0;
  let row = 0;
  for (const item of legend) {
    const itemWidth = SWATCH + 6 + textWidth(item.label, LEGEND_FONT) + 18;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    items.push({ item, x, y: row * LEGEND_ROW });
    x += itemWidth;
  }
  return { items, height: legend.length === 0 ? 0 : (row + 1) * LEGEND_ROW };
}

/** The chart as a standalone SVG document, with its size. */
export function buildChartSvg(chart: ChartExport): { svg: string; width: number; height: number } {
  const plotRect = chart.plot.getBoundingClientRect();
  const fontFamily = getComputedStyle(chart.plot).fontFamily || 'sans-serif';
  const contentWidth = Math.max(1, Math.ceil(plotRect.width));
  const width = contentWidth + 2 * PADDING;
  const top = PADDING + TITLE_SIZE + 12;
  const legend = layoutLegend(chart.legend, contentWidth);
  const legendTop = top + Math.ceil(plotRect.height) + 12;
  const height = legendTop + legend.height + PADDING;

  // Created in the SVG namespace, so the serializer writes the xmlns declaration itself.
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', fontFamily);

  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', chart.background);
  root.append(background);
  root.append(
    svgText(chart.title, PADDING, PADDING + TITLE_SIZE, {
      'font-size': String(TITLE_SIZE),
      'font-weight': '600',
      fill: chart.textColor,
    }),
  );

  // Labels written in HTML (small-chart titles) become SVG text where they stand.
  for (const label of chart.plot.querySelectorAll<HTMLElement>('[data-export-text]')) {
    const rect = label.getBoundingClientRect();
    const style = getComputedStyle(label);
    const fontSize = Number.parseFloat(style.fontSize) || 12;
    root.append(
      svgText(
        label.textContent,
        PADDING + rect.left - plotRect.left,
        top + rect.top - plotRect.top + fontSize,
        { 'font-size': String(fontSize), 'font-weight': style.fontWeight, fill: style.color },
      ),
    );
  }

  const surfaces = chart.plot.querySelectorAll<SVGSVGElement>(
    'svg.recharts-surface, svg[data-export-surface]',
  );
  for (const surface of surfaces) {
    const rect = surface.getBoundingClientRect();
    root.append(
      cloneSurface(surface, PADDING + rect.left - plotRect.left, top + rect.top - plotRect.top),
    );
  }

  for (const { item, x, y } of legend.items) {
    const group = document.createElementNS(SVG_NS, 'g');
    group.setAttribute('transform', `translate(${PADDING + x} ${legendTop + y})`);
    if (item.off) group.setAttribute('opacity', '0.4');
    const swatch = document.createElementNS(SVG_NS, 'rect');
    swatch.setAttribute('width', String(SWATCH));
    swatch.setAttribute('height', String(SWATCH));
    swatch.setAttribute('rx', '2');
    swatch.setAttribute('y', '2');
    swatch.setAttribute('fill', item.color);
    group.append(
      swatch,
      svgText(item.label, SWATCH + 6, 12, {
        'font-size': String(LEGEND_FONT),
        fill: chart.textColor,
        ...(item.off ? { 'text-decoration': 'line-through' } : {}),
      }),
    );
    root.append(group);
  }

  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { svg, width, height };
}

/** Saves the chart as `<fileName>.svg`. */
export function downloadChartSvg(chart: ChartExport): void {
  const { svg } = buildChartSvg(chart);
  saveBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), `${chart.fileName}.svg`);
}

/** Renders the chart's SVG at 2× on a canvas and saves it as `<fileName>.png`. */
export async function downloadChartPng(chart: ChartExport): Promise<void> {
  const { svg, width, height } = buildChartSvg(chart);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('This browser cannot draw on a canvas.');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => {
    canvas.toBlob(resolve, 'image/png');
  });
  if (blob === null) throw new Error('The browser could not encode the PNG.');
  saveBlob(blob, `${chart.fileName}.png`);
}
