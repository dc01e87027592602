import { datasetGpuLabels } from '../../data/results/dataset';
import { AssumedFacts } from './assumed-facts';
import { distinctEngines, metricSources } from '../../data/results/provenance';
import { resultCount, type Dataset } from '../../data/results/result-model';
import { useDashboardStore } from '../../store/dashboard-store';
import { MAX_LABEL_LENGTH } from '../../store/datasets-slice';
import './datasets.css';

interface DatasetItemProps {
  readonly dataset: Dataset;
  /** Its place in the list, and the list's length: where it can move. */
  readonly position: number;
  readonly count: number;
}

function DatasetItem({ dataset, position, count }: DatasetItemProps) {
  const hidden = useDashboardStore((state) => state.view.hidden.dataset.includes(dataset.id));
  const notSaved = useDashboardStore(
    (state) =>
      dataset.source.kind !== 'bundled' &&
      (!state.storageAvailable || state.notSaved.includes(dataset.id)),
  );
  const toggleHidden = useDashboardStore((state) => state.toggleHidden);
  const removeDataset = useDashboardStore((state) => state.removeDataset);
  const renameDataset = useDashboardStore((state) => state.renameDataset);
  const moveDataset = useDashboardStore((state) => state.moveDataset);
  const bundled = dataset.source.kind === 'bundled';
  const sources = metricSources(dataset.meta);

  return (
    <li className={hidden ? 'dataset-item is-hidden' : 'dataset-item'}>
      {bundled ? (
        <span className="dataset-label">{dataset.label}</span>
      ) : (
        <input
          key={dataset.label}
          className="dataset-label dataset-label-input"
          aria-label={`Label of ${dataset.label}`}
          defaultValue={dataset.label}
          maxLength={MAX_LABEL_LENGTH}
          onBlur={(event) => {
            renameDataset(dataset.id, event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
      )}
      <span className="dataset-count">
        {resultCount(dataset).toLocaleString('en-US')}{' '}
        {resultCount(dataset) === 1 ? 'result' : 'results'}
      </span>
      <span className="dataset-meta">
        {bundled && <span className="badge">bundled</span>}
        {notSaved && <span className="badge badge-warning">not saved</span>}
        <span>{datasetGpuLabels(dataset).join(', ')}</span>
        <span title="The serving engine the results measured, as the file names it">
          {distinctEngines(dataset).join(', ')}
        </span>
        <span title={`Read as ${dataset.format.label}`}>{dataset.format.label}</span>
        {dataset.meta?.date !== undefined && (
          <span title="When the benchmark ran, as the file records it">
            ran {dataset.meta.date.replace('T', ' ')}
          </span>
        )}
        <span className="dataset-source">{dataset.source.name}</span>
      </span>
      <span className="dataset-actions">
        <label className="dataset-toggle">
          <input
            type="checkbox"
            aria-label={`Show ${dataset.label}`}
            checked={!hidden}
            onChange={() => {
              toggleHidden('dataset', dataset.id);
            }}
          />
          Show
        </label>
        {!bundled && (
          <span className="dataset-move">
            <button
              type="button"
              aria-label={`Move ${dataset.label} up`}
              disabled={position === 0}
              onClick={() => {
                moveDataset(dataset.id, position - 1);
              }}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${dataset.label} down`}
              disabled={position === count - 1}
              onClick={() => {
                moveDataset(dataset.id, position + 1);
              }}
            >
              ↓
            </button>
          </span>
        )}
        {!bundled && (
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
      </span>
      {!bundled && <AssumedFacts dataset={dataset} />}
      {sources.length > 0 && (
        <details className="dataset-warnings dataset-sources">
          <summary>How its numbers were read</summary>
          <dl>
            {sources.map(({ metric, source }) => (
              <div key={metric}>
                <dt>{metric}</dt>
                <dd>{source}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {dataset.warnings.length > 0 && (
        <details className="dataset-warnings">
          <summary>
            {dataset.warnings.length} {dataset.warnings.length === 1 ? 'warning' : 'warnings'}
          </summary>
          <ul>
            {dataset.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/**
 * Every loaded dataset with its label, GPU, format and number of results, in the order the user
 * loaded or arranged them (kept across reloads).
 */
export function DatasetsPanel() {
  const datasets = useDashboardStore((state) => state.datasets);
  const resetToBundled = useDashboardStore((state) => state.resetToBundled);
  const loadedByUser = datasets.filter((dataset) => dataset.source.kind !== 'bundled').length;
  return (
    <section id="datasets" className="panel datasets-panel" aria-labelledby="datasets-heading">
      <div className="section-head">
        <h2 id="datasets-heading">Datasets</h2>
        {loadedByUser > 0 && (
          <button
            type="button"
            className="reset-bundled"
            onClick={() => {
              const plural = loadedByUser === 1 ? 'dataset' : 'datasets';
              if (
                window.confirm(
                  `Remove the ${loadedByUser} ${plural} you loaded and keep only the bundled runs?`,
                )
              ) {
                resetToBundled();
              }
            }}
          >
            Reset to bundled data
          </button>
        )}
      </div>
      {datasets.length === 0 ? (
        <p className="empty-note">No results are loaded.</p>
      ) : (
        <ul className="dataset-list">
          {datasets.map((dataset, position) => (
            <DatasetItem
              key={dataset.id}
              dataset={dataset}
              position={position}
              count={datasets.length}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
