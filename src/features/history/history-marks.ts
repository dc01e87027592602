import { PALETTE_SIZE } from '../../data/charts/chart-gpus';

/** Longest run label an axis tick shows; the full label is in its tooltip and the data table. */
const TICK_LABEL_LENGTH = 22;

/** Marker shapes, so series that share a colour (more than eight tests) still differ. */
export type Shape = 'circle' | 'square' | 'triangle' | 'cross';
const SHAPES: readonly Shape[] = ['circle', 'square', 'triangle', 'cross'];

export function seriesShape(index: number): Shape {
  return SHAPES[Math.floor(index / PALETTE_SIZE) % SHAPES.length] ?? 'circle';
}

const SHAPE_GLYPHS: Readonly<Record<Shape, string>> = {
  circle: '●',
  square: '■',
  triangle: '▲',
  cross: '✕',
};

/**
 * A series' legend label: its test name, and its marker's shape when colours repeat (more tests
 * than colours), so each line can be told from the one sharing its colour.
 */
export function legendLabel(label: string, index: number, count: number): string {
  return count > PALETTE_SIZE ? `${label} ${SHAPE_GLYPHS[seriesShape(index)]}` : label;
}

export function shapePath(shape: Shape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'square':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle':
      return `M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`;
    case 'cross':
      return `M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`;
    case 'circle':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
}

/** The baseline's marker: a large hollow diamond, whatever the series' own shape. */
export function diamondPath(x: number, y: number, r: number): string {
  return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;
}

export function shortLabel(label: string): string {
  return label.length > TICK_LABEL_LENGTH ? `${label.slice(0, TICK_LABEL_LENGTH - 1)}…` : label;
}
