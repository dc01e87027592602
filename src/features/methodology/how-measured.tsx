import { useCallback, useEffect, useId, useState } from 'react';
import { commandText } from '../../data/methodology/command-text';
import { datasetSetup, type RecordedCommand } from '../../data/methodology/dataset-setup';
import {
  SUITE_WORKLOADS,
  SUITE_WORKLOAD_SOURCE,
  workloadFacts,
  type SetupFact,
} from '../../data/methodology/suite-workloads';
import { SUITES, type Dataset } from '../../data/results/result-model';
import { useDashboardStore } from '../../store/dashboard-store';
import { copyText } from '../../ui/copy-text';
import './how-measured.css';

/** How long the "Copied" mark stays beside a button. */
const COPIED_MARK_MS = 2000;
/** Tests named under a command that several recorded; the rest are counted. */
const MAX_TESTS_NAMED = 12;

function Facts({ facts }: { readonly facts: readonly SetupFact[] }) {
  return (
    <dl className="how-facts">
      {facts.map((fact, index) => (
        <div key={`${index}:${fact.term}`} className="how-fact">
          <dt>{fact.term}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What a dataset's summary says while it is closed, from what the file says about the run as a
 * whole (cheap: its results are only read once the dataset is opened).
 */
function summaryHint(dataset: Dataset): string {
  const meta = dataset.meta;
  const parts: string[] = [];
  const commands = Object.keys(meta?.commands ?? {}).length;
  if (commands > 0) parts.push(`${commands} ${commands === 1 ? 'command' : 'commands'}`);
  if (meta?.vllmVersion !== undefined) parts.push(`vLLM ${meta.vllmVersion}`);
  if (meta?.date !== undefined) parts.push(`ran ${meta.date.replace('T', ' ')}`);
  if (meta?.platform !== undefined) parts.push('platform');
  return parts.join(' · ');
}

interface CommandProps {
  readonly command: RecordedCommand;
  readonly copied: boolean;
  readonly onCopy: (command: RecordedCommand) => void;
}

function CommandBlock({ command, copied, onCopy }: CommandProps) {
  const { name } = command;
  const text = commandText(command.command);
  const named = command.tests.slice(0, MAX_TESTS_NAMED);
  const unnamed = command.tests.length - named.length;
  return (
    <li className="how-command">
      <div className="how-command-head">
        <span className="how-command-name">{name}</span>
        <span className="how-copy">
          {copied && (
            <span className="how-copied" aria-hidden="true">
              Copied
            </span>
          )}
          <button
            type="button"
            aria-label={`Copy ${name}`}
            onClick={() => {
              onCopy(command);
            }}
          >
            Copy
          </button>
        </span>
      </div>
      <pre className="how-command-text">
        <code>{text.display}</code>
      </pre>
      {command.tests.length > 1 && (
        <p className="how-note">
          Recorded by {named.join(', ')}
          {unnamed > 0 && ` and ${unnamed} more`}.
        </p>
      )}
      {command.cut && (
        <p className="how-warning">
          This command was cut when the file was read, being enormous: it is not complete.
        </p>
      )}
      {text.escaped > 0 && (
        <p className="how-warning">
          It holds {text.escaped} {text.escaped === 1 ? 'character' : 'characters'} that would not
          show, written here as \u{'{…}'}; Copy copies the command as recorded.
        </p>
      )}
    </li>
  );
}

interface DatasetProps {
  readonly dataset: Dataset;
  readonly copiedId: string | null;
  readonly onCopy: (dataset: Dataset, command: RecordedCommand) => void;
}

/** What one dataset's file recorded; read from its results the first time it is opened. */
function SetupBody({ dataset, copiedId, onCopy }: DatasetProps) {
  const setup = datasetSetup(dataset);
  return (
    <div className="how-body">
      {setup.recordedNothing && (
        <p className="how-note">
          This file recorded nothing about the run beyond its results: no commands, vLLM version,
          date or platform.
        </p>
      )}
      {setup.run.length > 0 && <Facts facts={setup.run} />}
      {setup.commands.length > 0 && (
        <>
          <h4>Commands</h4>
          <ul className="how-commands">
            {setup.commands.map((command) => (
              <CommandBlock
                key={command.id}
                command={command}
                copied={copiedId === copyId(dataset, command)}
                onCopy={(copied) => {
                  onCopy(dataset, copied);
                }}
              />
            ))}
          </ul>
          {setup.moreCommands > 0 && (
            <p className="how-note">
              …and {setup.moreCommands.toLocaleString('en-US')} more{' '}
              {setup.moreCommands === 1 ? 'command' : 'commands'}, not listed.
            </p>
          )}
        </>
      )}
      {setup.platform.length > 0 && (
        <>
          <h4>Platform</h4>
          <Facts facts={setup.platform} />
        </>
      )}
      {setup.suites.map(({ suite, tests, facts }) => (
        <div key={suite} className="how-suite-setup">
          <h4>{SUITE_WORKLOADS[suite].title} in this file</h4>
          <Facts facts={[{ term: 'Tests', value: tests.toLocaleString('en-US') }, ...facts]} />
        </div>
      ))}
    </div>
  );
}

function DatasetSetupItem({ dataset, copiedId, onCopy }: DatasetProps) {
  // Results are read when the dataset is first opened, and kept while it is closed again.
  const [opened, setOpened] = useState(false);
  const labelId = useId();
  const hint = summaryHint(dataset);
  return (
    <li className="how-dataset">
      <details
        aria-labelledby={labelId}
        onToggle={(event) => {
          if (event.currentTarget.open) setOpened(true);
        }}
      >
        <summary>
          <span id={labelId} className="how-dataset-label">
            {dataset.label}
          </span>
          {hint !== '' && (
            <>
              {' '}
              <span className="how-hint">{hint}</span>
            </>
          )}
        </summary>
        {opened && <SetupBody dataset={dataset} copiedId={copiedId} onCopy={onCopy} />}
      </details>
    </li>
  );
}

/** Which Copy button was used last: the dataset and the command. */
function copyId(dataset: Dataset, command: RecordedCommand): string {
  return `${dataset.id}/${command.id}`;
}

/**
 * "How these numbers were measured": each nightly suite's workload as CI describes it, and per
 * loaded dataset what its file recorded (commands with a Copy button, vLLM version, date,
 * platform, the workload its results state). Collapsed by default.
 */
export function HowMeasured() {
  const datasets = useDashboardStore((state) => state.datasets);
  const headingId = useId();
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (copiedId === null) return undefined;
    const timer = window.setTimeout(() => {
      setCopiedId(null);
    }, COPIED_MARK_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [copiedId]);

  const onCopy = useCallback((dataset: Dataset, command: RecordedCommand) => {
    void copyText(command.command).then((copied) => {
      setCopiedId(copied ? copyId(dataset, command) : null);
      const message = copied ? 'Copied' : 'Could not copy: select the command and copy it by hand.';
      // The same message again is still announced: it differs by a space no one hears.
      setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message));
    });
  }, []);

  return (
    <section id="how-measured" className="panel how-measured" aria-labelledby={headingId}>
      <h2 id={headingId}>How these numbers were measured</h2>
      <h3>What the nightly suites run</h3>
      <p className="how-note">
        {SUITE_WORKLOAD_SOURCE} Files you load may have run other workloads: what each one recorded
        is listed below.
      </p>
      <ul className="how-suites">
        {SUITES.map((suite) => {
          const workload = SUITE_WORKLOADS[suite];
          return (
            <li key={suite}>
              <details>
                <summary>
                  <span className="how-suite-title">{workload.title}</span>{' '}
                  <span className="how-hint">{workload.summary}</span>
                </summary>
                <div className="how-body">
                  <Facts facts={workloadFacts(workload)} />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
      <h3>What each file recorded</h3>
      {datasets.length === 0 ? (
        <p className="how-note">No results are loaded.</p>
      ) : (
        <ul className="how-datasets">
          {datasets.map((dataset) => (
            <DatasetSetupItem
              key={dataset.id}
              dataset={dataset}
              copiedId={copiedId}
              onCopy={onCopy}
            />
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
