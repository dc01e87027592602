/**
 * What a result file's name says. CI names each raw file after its test
 * (`serving_llama8B_tp1_sharegpt_qps_4.json`); `vllm bench serve --save-result` names its file
 * `{backend or label}-{request_rate}qps[-concurrency{N}]-{model}-{date}.json`.
 */
import { parseTestName } from './test-name';
import { countOf, numberOf, pythonDateToIso } from './shared';

const RESULT_EXTENSION = /\.(?:pytorch\.json|jsonl|json|commands|md|markdown|txt)$/i;
const CI_TEST_NAME = /^(?:latency|throughput|serving)_[^\s/\\]+$/;
const SERVE_FILE_NAME =
  /^(.+?)-(?:(inf|\d+(?:\.\d+)?)qps|ramp-up-[a-z]+-\d+qps-\d+qps)(?:-concurrency(\d+))?-(.+)-(\d{8}-\d{6})$/;

/** The last segment of a path, whichever separator it uses. */
export function lastPathSegment(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}

/** A file's path without its results extension: `results/x.pytorch.json` → `results/x`. */
export function withoutExtension(name: string): string {
  return name.replace(RESULT_EXTENSION, '');
}

/** The name a file is known by in messages and test names: last segment, no extension. */
export function fileBaseName(name: string): string {
  return withoutExtension(lastPathSegment(name.trim()));
}

/** True for a `<test_name>.commands` file name. */
export function isCommandsFileName(name: string): boolean {
  return /\.commands$/i.test(name.trim());
}

/** What `vllm bench serve`'s default file name says; every field is null when it does not. */
export interface ServeFileNameFacts {
  readonly label: string;
  readonly qps: number | null;
  readonly concurrency: number | null;
  /** The model id's last segment (`Llama-3.1-8B-Instruct`). */
  readonly model: string;
  readonly date: string | null;
}

export interface FileNameFacts {
  readonly base: string;
  /** The base name when it follows CI's test naming (it is then the test name). */
  readonly ciTestName: string | null;
  readonly serve: ServeFileNameFacts | null;
}

/** Reads a file name; null when there is none. Never throws. */
export function readFileName(name: string | undefined): FileNameFacts | null {
  if (name === undefined || name.trim() === '') return null;
  const base = fileBaseName(name);
  if (base === '' || base.length > 1000) return { base: '', ciTestName: null, serve: null };
  const ciTestName = CI_TEST_NAME.test(base) && parseTestName(base).suite !== null ? base : null;
  const match = SERVE_FILE_NAME.exec(base);
  const serve =
    match === null
      ? null
      : {
          label: match[1] ?? '',
          qps: match[2] === undefined ? null : numberOf(match[2]),
          concurrency: match[3] === undefined ? null : countOf(match[3]),
          model: match[4] ?? '',
          date: pythonDateToIso(match[5]),
        };
  return { base, ciTestName, serve };
}
