/** What a chart shows when the filters leave it nothing to draw. */
export function EmptyChart() {
  return <p className="chart-empty">Nothing to draw: no results of this kind match the filters.</p>;
}
