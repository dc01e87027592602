/**
 * What each chart says it leaves out: categories, small charts or rows beyond the point budget,
 * points thinned out, tests without a reference value. Each list holds only the notices that
 * apply; empty when the chart shows everything.
 */
import type { BarChartData } from './bar-charts';
import type { ServingChartData } from './serving-charts';
import type { SpeedupMatrix } from './speedup';
import type { TradeOffData } from './trade-off';

export function barChartNotices(data: Pick<BarChartData, 'groups' | 'omittedGroups'>): string[] {
  if (data.omittedGroups === 0) return [];
  return [
    `Showing the first ${data.groups.length} tests; ${data.omittedGroups} more are left out to keep the chart fast. Narrow the filters to see them.`,
  ];
}

export function servingNotices(data: Pick<ServingChartData, 'panels' | 'omittedPanels'>): string[] {
  if (data.omittedPanels === 0) return [];
  return [
    `Showing ${data.panels.length} models; ${data.omittedPanels} more are left out to keep the charts fast. Narrow the Model filter to see them.`,
  ];
}

export function tradeOffNotices(
  data: Pick<TradeOffData, 'omittedPanels' | 'thinnedPoints'>,
): string[] {
  const notices: string[] = [];
  if (data.omittedPanels > 0) {
    notices.push(
      `${data.omittedPanels} more models are left out to keep the charts fast; narrow the Model filter to see them.`,
    );
  }
  if (data.thinnedPoints > 0) {
    notices.push(`${data.thinnedPoints} points are thinned out (frontier points are all kept).`);
  }
  return notices;
}

export function speedupNotices(
  matrix: Pick<
    SpeedupMatrix,
    'rows' | 'omittedRows' | 'testsWithoutBaseline' | 'precisionMismatches' | 'baseline'
  >,
): string[] {
  const notices: string[] = [];
  if (matrix.omittedRows > 0) {
    notices.push(
      `Showing the first ${matrix.rows.length} tests; ${matrix.omittedRows} more are left out of the drawing (the geometric means include them).`,
    );
  }
  if (matrix.testsWithoutBaseline > 0 && matrix.baseline !== null) {
    notices.push(
      `${matrix.testsWithoutBaseline} tests shown have no ${matrix.baseline.label} result and have no row.`,
    );
  }
  if (matrix.precisionMismatches > 0) {
    const cells =
      matrix.precisionMismatches === 1 ? '1 cell is' : `${matrix.precisionMismatches} cells are`;
    notices.push(
      `${cells} left empty: the two GPUs' results state different precisions, so their ratio is not a speedup.`,
    );
  }
  return notices;
}
