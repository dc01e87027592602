import { useId, useMemo } from 'react';
import {
  MAX_ENGINE_LENGTH,
  typedEngine,
  typedGpu,
  datasetUnstatedFacts,
  type DatasetAssumptions,
} from '../../data/results/assumptions';
import { gpuLabel } from '../../data/gpu';
import type { Dataset, GpuSpec } from '../../data/results/result-model';
import { useDashboardStore } from '../../store/dashboard-store';

const KNOWN_ENGINES = ['vLLM', 'SGLang', 'TensorRT-LLM', 'TGI', 'LMDeploy', 'Dynamo', 'llm-d'];

function sameAssumptions(a: DatasetAssumptions | undefined, b: DatasetAssumptions): boolean {
  return (
    (a?.engine ?? null) === (b.engine ?? null) &&
    (a?.gpu?.type ?? null) === (b.gpu?.type ?? null) &&
    (a?.gpu?.count ?? null) === (b.gpu?.count ?? null)
  );
}

/**
 * The engine and GPU a dataset's file does not state, for the user to fill in (kept with the
 * dataset; applied only to the results that state nothing). Shown only when the file leaves one
 * of them out.
 */
export function AssumedFacts({ dataset }: { readonly dataset: Dataset }) {
  const assumeFacts = useDashboardStore((state) => state.assumeFacts);
  const listId = useId();
  const unstated = useMemo(() => datasetUnstatedFacts(dataset), [dataset]);
  if (!unstated.engine && !unstated.gpu) return null;
  const apply = (change: { engine?: string | null; gpu?: GpuSpec | null }) => {
    const engine = 'engine' in change ? change.engine : (dataset.assumed?.engine ?? null);
    const gpu = 'gpu' in change ? change.gpu : (dataset.assumed?.gpu ?? null);
    const next: DatasetAssumptions = {
      ...(engine === null || engine === undefined ? {} : { engine }),
      ...(gpu === null || gpu === undefined ? {} : { gpu }),
    };
    if (!sameAssumptions(dataset.assumed, next)) assumeFacts(dataset.id, next);
  };
  return (
    <fieldset className="dataset-assumed">
      <legend>What the file does not say</legend>
      {unstated.engine && (
        <label>
          Engine
          <input
            key={dataset.assumed?.engine ?? ''}
            aria-label={`Engine of ${dataset.label}`}
            list={listId}
            maxLength={MAX_ENGINE_LENGTH}
            placeholder="not stated"
            defaultValue={dataset.assumed?.engine ?? ''}
            onBlur={(event) => {
              apply({ engine: typedEngine(event.currentTarget.value) });
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.currentTarget.blur();
            }}
          />
          <datalist id={listId}>
            {KNOWN_ENGINES.map((engine) => (
              <option key={engine} value={engine} />
            ))}
          </datalist>
        </label>
      )}
      {unstated.gpu && (
        <label>
          GPU
          <input
            key={dataset.assumed?.gpu === undefined ? '' : gpuLabel(dataset.assumed.gpu)}
            aria-label={`GPU of ${dataset.label}`}
            maxLength={MAX_ENGINE_LENGTH}
            placeholder="e.g. 8×H100"
            defaultValue={dataset.assumed?.gpu === undefined ? '' : gpuLabel(dataset.assumed.gpu)}
            onBlur={(event) => {
              apply({ gpu: typedGpu(event.currentTarget.value) });
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.currentTarget.blur();
            }}
          />
        </label>
      )}
    </fieldset>
  );
}
