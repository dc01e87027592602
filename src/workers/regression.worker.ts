// The regression engine off the page's main thread: a night of a long history is hundreds of
// series, each scanned for change points, which would hold the page for a noticeable moment.
import {
  reportOfInputs,
  type RegressionInputs,
  type RegressionReport,
} from '../data/regression/report';

export interface RegressionRequest {
  readonly id: number;
  readonly inputs: RegressionInputs;
}

export type RegressionReply =
  | { readonly id: number; readonly report: RegressionReport }
  | { readonly id: number; readonly error: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<RegressionRequest>) => void) | null;
  postMessage: (message: RegressionReply) => void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  try {
    scope.postMessage({ id: data.id, report: reportOfInputs(data.inputs) });
  } catch (error) {
    scope.postMessage({
      id: data.id,
      error: error instanceof Error ? error.message : 'The regressions could not be worked out.',
    });
  }
};
