export const ROW_HEIGHT = 26;
export const HEADER_HEIGHT = 44;
export const SCALE_HEIGHT = 44;
export const FONT_SIZE = 12;
/** How far the strongest cell moves from the background to the faster/slower colour. */
export const MAX_TINT = 0.85;

export interface MatrixLayout {
  readonly labelWidth: number;
  readonly cellWidth: number;
  readonly width: number;
  readonly height: number;
  readonly meanTop: number;
}

/** The narrowest a cell gets: room for `0.95×` in bold and a short GPU name. */
export const MIN_CELL_WIDTH = 72;
/** The narrowest the label column gets, on phones: about 13 characters. */
export const MIN_LABEL_WIDTH = 96;

/**
 * The label column takes 45% of the width (180 to 380 px) but gives way to the cells on narrow
 * screens, down to 96 px, so the matrix fits its box at its own size. Only more columns than fit
 * at their narrowest make it wider than its box, which then scrolls sideways (never scaled).
 */
export function matrixLayout(width: number, rows: number, columns: number): MatrixLayout {
  const wanted = Math.min(380, Math.max(180, Math.floor(width * 0.45)));
  const labelWidth = Math.max(
    MIN_LABEL_WIDTH,
    Math.min(wanted, width - Math.max(1, columns) * MIN_CELL_WIDTH),
  );
  const cellWidth = Math.max(
    MIN_CELL_WIDTH,
    Math.min(150, Math.floor((width - labelWidth) / Math.max(1, columns))),
  );
  const meanTop = HEADER_HEIGHT + rows * ROW_HEIGHT + 8;
  return {
    labelWidth,
    cellWidth,
    width: Math.max(width, labelWidth + columns * cellWidth),
    height: meanTop + ROW_HEIGHT + SCALE_HEIGHT,
    meanTop,
  };
}

/** Cuts a label to about `width` px at the matrix font size. */
export function fitText(text: string, width: number): string {
  const chars = Math.floor(width / (FONT_SIZE * 0.56));
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

/** The colour scale's caption, as long as fits left of the scale. */
export function scaleCaption(width: number): string {
  const captions = ['Colour: slower ← 1× → faster (above 1× is faster)', 'slower ← 1× → faster'];
  return captions.find((caption) => fitText(caption, width) === caption) ?? 'Colour';
}

/** Cells are tinted in steps of an eighth of the scale; all cells of a step share one path. */
export const TINT_STEPS = 8;
/** Above this many cells the ratios are not written in the cells (colour, tooltip and table remain). */
export const LABELLED_CELLS = 600;

export function rectPath(x: number, y: number, width: number, height: number): string {
  return `M${x} ${y}h${width}v${height}h${-width}Z`;
}
