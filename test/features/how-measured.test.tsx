import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataset } from '../../src/data/results/dataset';
import { parseResultFiles } from '../../src/data/formats/parse-results';
import type { Dataset } from '../../src/data/results/result-model';
import { HowMeasured } from '../../src/features/methodology/how-measured';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { readFixture, seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

const TEST_8B = 'serving_llama8B_tp2_random_128_128_qps_4_concurrency_16';
// The server command of the fixture's .commands file, copied from it by hand.
const SERVER_8B =
  'VLLM_USE_V1=1 vllm serve meta-llama/Llama-3.1-8B-Instruct       --tensor-parallel-size 2 --dtype bfloat16 --swap-space 16 --disable-log-stats --load-format dummy';
const HOSTILE = 'vllm serve m --served-model-name "<script>window.pwned = 1</script><b>bold</b>"';

/** Files dropped together, parsed as the app parses them → the dataset of the first. */
function dropped(files: readonly { name: string; text: string }[]): Dataset {
  const [first] = parseResultFiles(files);
  if (first === undefined || !first.outcome.ok) throw new Error('did not parse');
  return createDataset(
    first.outcome.value,
    { kind: 'file', name: first.name },
    files[0]?.text ?? '',
  );
}

function fixtureFile(path: string): { name: string; text: string } {
  return { name: path.split('/').pop() ?? path, text: readFixture(path) };
}

function serveWithCommands(): Dataset {
  return dropped([
    fixtureFile(`formats/serve/${TEST_8B}.json`),
    fixtureFile(`formats/serve/${TEST_8B}.commands`),
  ]);
}

const TEST_70B = 'serving_llama70B_tp4_sharegpt_qps_inf';

/** The 70B serve result dropped with a `.commands` file whose server command holds markup. */
function hostileDataset(): Dataset {
  const commands = JSON.stringify({ server_command: HOSTILE, gpu_type: 'H100' });
  return dropped([
    fixtureFile(`formats/serve/${TEST_70B}.json`),
    { name: `${TEST_70B}.commands`, text: commands },
  ]);
}

function region(): HTMLElement {
  return screen.getByRole('region', { name: 'How these numbers were measured' });
}

/** Opens a dataset's disclosure by its label; returns its group. */
async function openDataset(user: ReturnType<typeof userEvent.setup>, label: string) {
  const group = within(region()).getByRole('group', { name: label });
  await user.click(within(group).getByText(label));
  expect(group).toHaveAttribute('open');
  return group;
}

beforeEach(() => {
  store().reset();
});

describe('How these numbers were measured', () => {
  it('shows each suite’s workload as a definition list, collapsed', async () => {
    const user = userEvent.setup();
    store().addDatasets([seedDataset('H100')]);
    render(<HowMeasured />);
    expect(within(region()).getByRole('heading', { level: 2 })).toHaveTextContent(
      'How these numbers were measured',
    );
    expect(
      within(region())
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(['What the nightly suites run', 'What each file recorded']);

    const latency = within(region()).getByText('Latency tests').closest('details');
    if (latency === null) throw new Error('no latency disclosure');
    expect(latency).not.toHaveAttribute('open');
    expect(latency.querySelector('summary')).toHaveTextContent(
      'Latency tests 32 input / 128 output tokens, batch 8',
    );
    await user.click(within(latency).getByText('Latency tests'));
    const terms = within(latency).getAllByRole('term');
    const definitions = within(latency).getAllByRole('definition');
    expect(terms.map((term) => term.textContent)).toEqual([
      'Input',
      'Output',
      'Batch size',
      'Models',
      'Metrics',
    ]);
    expect(definitions.map((definition) => definition.textContent)).toEqual([
      '32 tokens',
      '128 tokens',
      'fixed (8)',
      'llama-3.1 8B, llama-3 70B, mixtral 8x7B',
      'end-to-end latency (mean, median, p99)',
    ]);

    const serving = within(region()).getByText('Serving tests').closest('details');
    if (serving === null) throw new Error('no serving disclosure');
    expect(within(serving).getByText(/Poisson process \(with fixed random seed\)$/)).toBeTruthy();
  });

  it('says plainly when a bundled run recorded nothing beyond its results', async () => {
    const user = userEvent.setup();
    store().addDatasets([seedDataset('A100-SXM4-80GB')]);
    render(<HowMeasured />);
    const group = await openDataset(user, 'Nightly · 8×A100-SXM4-80GB');
    expect(
      within(group).getByText(
        'This file recorded nothing about the run beyond its results: no commands, vLLM version, date or platform.',
      ),
    ).toBeTruthy();
    expect(within(group).queryByRole('button', { name: /^Copy/ })).toBeNull();
    // Which A100, and the serving workload its results state, said once.
    const facts = Object.fromEntries(
      within(group)
        .getAllByRole('term')
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(facts.GPU).toBe('8×A100-SXM4-80GB');
    expect(within(group).getByRole('heading', { name: 'Serving tests in this file' })).toBeTruthy();
    expect(within(group).getByText('1, 4, 16, inf')).toBeTruthy();
  });

  it('shows a .commands file’s commands as text and copies exactly what was recorded', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    store().addDatasets([seedDataset('H100'), serveWithCommands()]);
    render(<HowMeasured />);
    const label = `${TEST_8B}.json`;
    const summary = within(region()).getByText(label).closest('summary');
    expect(summary).toHaveTextContent('2 commands · ran 2025-11-04 22:17:33');

    const group = await openDataset(user, label);
    const codes = group.querySelectorAll('pre > code');
    expect(codes).toHaveLength(2);
    // Shown with CI's padding made one space; copied as recorded.
    expect(codes[0]?.textContent).toBe(
      'VLLM_USE_V1=1 vllm serve meta-llama/Llama-3.1-8B-Instruct --tensor-parallel-size 2 --dtype bfloat16 --swap-space 16 --disable-log-stats --load-format dummy',
    );
    expect(within(group).getByText(`server command of ${TEST_8B}`)).toBeTruthy();

    await user.click(
      within(group).getByRole('button', { name: `Copy server command of ${TEST_8B}` }),
    );
    await waitFor(() => {
      expect(within(region()).getByRole('status')).toHaveTextContent('Copied');
    });
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(SERVER_8B);
    expect(await navigator.clipboard.readText()).toBe(SERVER_8B);

    await user.click(
      within(group).getByRole('button', { name: `Copy client command of ${TEST_8B}` }),
    );
    await waitFor(() => {
      expect(writeText).toHaveBeenCalledTimes(2);
    });
    expect(writeText.mock.calls[1]?.[0]).toMatch(/^vllm bench serve {11}--save-result/);
  });

  it('shows a command holding markup as text, and copies it unchanged', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    store().addDatasets([hostileDataset()]);
    render(<HowMeasured />);
    const group = await openDataset(user, `${TEST_70B}.json`);
    const code = group.querySelector('pre > code');
    expect(code?.textContent).toBe(HOSTILE);
    expect(code?.querySelector('script, b')).toBeNull();
    expect(region().querySelector('script')).toBeNull();

    await user.click(
      within(group).getByRole('button', { name: `Copy server command of ${TEST_70B}` }),
    );
    await waitFor(() => {
      expect(writeText).toHaveBeenCalledWith(HOSTILE);
    });
  });

  it('copies with execCommand where the Clipboard API is missing', async () => {
    const user = userEvent.setup();
    store().addDatasets([serveWithCommands()]);
    render(<HowMeasured />);
    const group = await openDataset(user, `${TEST_8B}.json`);

    const descriptor = Object.getOwnPropertyDescriptor(window.navigator, 'clipboard');
    Object.defineProperty(window.navigator, 'clipboard', { value: undefined, configurable: true });
    let copied = '';
    const execCommand = vi.fn((command: string) => {
      const area = document.querySelector('textarea');
      copied = command === 'copy' && area !== null ? area.value : '';
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    try {
      await user.click(
        within(group).getByRole('button', { name: `Copy server command of ${TEST_8B}` }),
      );
      await waitFor(() => {
        expect(within(region()).getByRole('status')).toHaveTextContent('Copied');
      });
    } finally {
      if (descriptor !== undefined)
        Object.defineProperty(window.navigator, 'clipboard', descriptor);
      Reflect.deleteProperty(document, 'execCommand');
    }
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toBe(SERVER_8B);
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('says so when the command could not be copied', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    const execCommand = vi.fn(() => false);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    try {
      store().addDatasets([serveWithCommands()]);
      render(<HowMeasured />);
      const group = await openDataset(user, `${TEST_8B}.json`);
      await user.click(
        within(group).getByRole('button', { name: `Copy server command of ${TEST_8B}` }),
      );
      await waitFor(() => {
        expect(within(region()).getByRole('status')).toHaveTextContent(
          'Could not copy: select the command and copy it by hand.',
        );
      });
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  it('lists a markdown page’s platform table', async () => {
    const user = userEvent.setup();
    store().addDatasets([dropped([fixtureFile('formats/markdown/benchmark_results-v6.md')])]);
    render(<HowMeasured />);
    const summary = within(region()).getByText('benchmark_results-v6.md').closest('summary');
    expect(summary).toHaveTextContent('platform');
    const group = await openDataset(user, 'benchmark_results-v6.md');
    expect(within(group).getByRole('heading', { name: 'Platform' })).toBeTruthy();
    const cpu = within(group).getByText('CPU Brand');
    expect(cpu.nextElementSibling).toHaveTextContent('Intel(R) Xeon(R) Platinum 8480+');
  });

  it('says when nothing is loaded', () => {
    render(<HowMeasured />);
    expect(within(region()).getByText('No results are loaded.')).toBeTruthy();
  });
});
