import { distinctGpuLabels } from '../../data/dataset';
import { useDashboardStore } from '../../store/dashboard-store';

/** Every loaded dataset with its label, GPU, format and number of results. */
export function DatasetsPanel() {
  const datasets = useDashboardStore((state) => state.datasets);
  const removeDataset = useDashboardStore((state) => state.removeDataset);
  return (
    <section className="datasets-panel" aria-labelledby="datasets-heading">
      <h2 id="datasets-heading">Datasets</h2>
      {datasets.length === 0 ? (
        <p className="empty-note">No results are loaded.</p>
      ) : (
        <ul className="dataset-list">
          {datasets.map((dataset) => (
            <li key={dataset.id} className="dataset-item">
              <span className="dataset-label">{dataset.label}</span>
              <span className="dataset-count">
                {dataset.results.length} {dataset.results.length === 1 ? 'result' : 'results'}
              </span>
              <span className="dataset-meta">
                {dataset.source.kind === 'bundled' && <span className="badge">bundled</span>}
                <span>{distinctGpuLabels(dataset.results).join(', ')}</span>
                <span title={`Read as ${dataset.format.label}`}>{dataset.format.label}</span>
                <span className="dataset-source">{dataset.source.name}</span>
              </span>
              {dataset.source.kind !== 'bundled' && (
                <button
                  type="button"
                  className="remove-button"
                  aria-label={`Remove ${dataset.label}`}
                  onClick={() => {
                    removeDataset(dataset.id);
                  }}
                >
                  Remove
                </button>
              )}
              {dataset.warnings.length > 0 && (
                <details className="dataset-warnings">
                  <summary>
                    {dataset.warnings.length}{' '}
                    {dataset.warnings.length === 1 ? 'warning' : 'warnings'}
                  </summary>
                  <ul>
                    {dataset.warnings.map((warning, index) => (
                      <li key={index}>{warning}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
