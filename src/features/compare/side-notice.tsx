import { useDashboardStore } from '../../store/dashboard-store';
import type { SideInfo } from '../../data/compare/side-info';

/** Why a chosen side has nothing to compare: not loaded, or hidden by the filters. */
export function SideNotice({ name, info }: { readonly name: string; readonly info: SideInfo }) {
  const resetFilters = useDashboardStore((state) => state.resetFilters);
  const phase = useDashboardStore((state) => state.phase);
  if (info.side === null) return null;
  if (!info.loaded) {
    if (info.side.kind === 'gpu') {
      return (
        <p className="compare-notice">
          The {name} is GPU {info.side.gpu}, but no loaded result ran on it.
        </p>
      );
    }
    return (
      <p className="compare-notice">
        The {name} named by this link, dataset <code>{info.side.id}</code>, is not loaded
        {phase === 'ready' ? '' : ' yet'}. Saved datasets are restored shortly after the page opens;
        otherwise load the same file to see this comparison (the link keeps asking for it).
      </p>
    );
  }
  if (info.results.length === 0 && info.total > 0) {
    return (
      <p className="compare-notice">
        All {info.total.toLocaleString('en-US')} results of the {name} ({info.label}) are hidden by
        the filters or the search.{' '}
        <button type="button" onClick={resetFilters}>
          Reset filters
        </button>
      </p>
    );
  }
  return null;
}
