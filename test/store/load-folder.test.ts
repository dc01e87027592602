import { beforeEach, describe, expect, it } from 'vitest';
import { datasetDate } from '../../src/data/history/history-order';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { fileEntriesUnder } from '../../src/store/folder-entries';
import {
  folderName,
  loadDroppedEntries,
  loadFolderItems,
  pickedFolderItems,
  type FolderItem,
} from '../../src/store/load-folder';
import { readFixture, seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

function item(path: string, text: string): FolderItem {
  return { path, open: () => Promise.resolve(new File([text], path.split('/').pop() ?? path)) };
}

const H200 = readFixture('nightly/nightly-8xH200.md');
const A100 = readFixture('nightly/nightly-8xA100-SXM4-80GB.md');

beforeEach(() => {
  store().reset();
  store().addDatasets([seedDataset('H100')]);
});

describe('loading a folder', () => {
  it('loads its results files named by their paths, dated by their folders, and says what it left', async () => {
    const report = await loadFolderItems('runs', [
      item('runs/2026-09-30/nightly.md', A100),
      item('runs/2026-09-29/nightly.md', H200),
      item('runs/2026-09-29/plot.png', 'not a result'),
    ]);
    expect(report?.added.map((dataset) => [dataset.label, datasetDate(dataset)])).toEqual([
      ['runs/2026-09-30/nightly.md', '2026-09-30'],
      ['runs/2026-09-29/nightly.md', '2026-09-29'],
    ]);
    expect(store().datasets).toHaveLength(3);
    expect(store().problems.map((problem) => problem.message)).toEqual([
      'runs: 1 file was not read: by its name it is not a results file (.png).',
    ]);
  });

  it("reads the YAML reports of a folder (GuideLLM's benchmarks.yaml, llm-d's .yml)", async () => {
    const report = await loadFolderItems('runs', [
      item('runs/guidellm/benchmarks.yaml', readFixture('formats/guidellm/benchmarks-v0.7.yaml')),
      item('runs/llm-d/report.yml', readFixture('formats/llm-d/benchmark-report-v0.2.yaml')),
    ]);
    expect(report?.added.map((dataset) => dataset.label)).toEqual([
      'runs/guidellm/benchmarks.yaml',
      'runs/llm-d/report.yml',
    ]);
    // The llm-d report's aggregate TTFT p50 is 0.1751 s in the file.
    expect(report?.added[1]?.results[0]?.metrics.ttft_median).toBe(175.1);
    expect(store().problems).toEqual([]);
  });

  it('opens only the files it reads, and names one that could not be opened', async () => {
    const opened: string[] = [];
    const watched = (path: string, text: string | null): FolderItem => ({
      path,
      open: () => {
        opened.push(path);
        return Promise.resolve(text === null ? null : new File([text], 'nightly.md'));
      },
    });
    await loadFolderItems('runs', [
      watched('runs/a/nightly.md', H200),
      watched('runs/b/huge.bin', 'x'),
      watched('runs/c/nightly.md', null),
    ]);
    expect(opened).toEqual(['runs/a/nightly.md', 'runs/c/nightly.md']);
    expect(store().problems.map((problem) => problem.message)).toContain(
      'runs/c/nightly.md was not loaded: it could not be read.',
    );
    expect(store().datasets.map((dataset) => dataset.label)).toContain('runs/a/nightly.md');
  });

  it('changes nothing and says so when the folder has no results files', async () => {
    const before = store().datasets;
    const report = await loadFolderItems('photos', [item('photos/a.png', 'x')]);
    expect(report).toBeNull();
    expect(store().datasets).toBe(before);
    expect(store().problems.map((problem) => problem.message)).toEqual([
      'photos: 1 file was not read: by its name it is not a results file (.png).',
      'photos has no results files (.json, .jsonl, .md, .markdown, .txt, .yaml, .yml); nothing was loaded.',
    ]);
  });

  it("takes a picked file's path in its folder, or its name when it has none, in path order", () => {
    const inFolder = new File(['x'], 'nightly.md');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'runs/2026-09-30/nightly.md' });
    const earlier = new File(['z'], 'nightly.md');
    Object.defineProperty(earlier, 'webkitRelativePath', { value: 'runs/2026-09-29/nightly.md' });
    const alone = new File(['y'], 'other.md');
    // In path order, whatever order the picker listed them in.
    expect(pickedFolderItems([inFolder, alone, earlier]).map((entry) => entry.path)).toEqual([
      'other.md',
      'runs/2026-09-29/nightly.md',
      'runs/2026-09-30/nightly.md',
    ]);
  });

  it('is told by its top folder, or the first three of several', () => {
    expect(folderName(['runs/a.md', 'runs/b/c.md'])).toBe('runs');
    expect(folderName(['a/x.md', 'b/x.md'])).toBe('a, b');
    expect(folderName(['a/x', 'b/x', 'c/x', 'd/x', 'e/x'])).toBe('a, b, c and 2 more');
  });
});

// Directory entries as a drop hands them over: a reader gives batches until an empty one.
type Node = { readonly name: string } & ({ readonly text: string } | { readonly children: Node[] });

function entryOf(node: Node, parent = ''): FileSystemEntry {
  const fullPath = `${parent}/${node.name}`;
  if ('text' in node) {
    return {
      name: node.name,
      fullPath,
      isFile: true,
      isDirectory: false,
      file: (done: (file: File) => void) => {
        done(new File([node.text], node.name));
      },
    } as unknown as FileSystemEntry;
  }
  const children = node.children.map((child) => entryOf(child, fullPath));
  return {
    name: node.name,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      // Two entries a batch, as a real reader may hand out fewer than all.
      let at = 0;
      return {
        readEntries: (done: (batch: FileSystemEntry[]) => void) => {
          const batch = children.slice(at, at + 2);
          at += batch.length;
          done(batch);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

describe('a dropped folder', () => {
  const tree: Node = {
    name: 'runs',
    children: [
      { name: 'z-notes.txt', text: 'shopping list' },
      { name: '2026-09-30', children: [{ name: 'nightly.md', text: A100 }] },
      { name: '2026-09-29', children: [{ name: 'nightly.md', text: H200 }] },
      { name: 'plot.png', text: 'png' },
    ],
  };

  it('is walked depth first in name order, every batch of entries read', async () => {
    const { files, unreadable } = await fileEntriesUnder([entryOf(tree)]);
    expect(files.map((file) => file.path)).toEqual([
      'runs/2026-09-29/nightly.md',
      'runs/2026-09-30/nightly.md',
      'runs/plot.png',
      'runs/z-notes.txt',
    ]);
    expect(unreadable).toBe(0);
  });

  it('counts a directory that cannot be listed, and goes on', async () => {
    const broken = {
      name: 'locked',
      fullPath: '/locked',
      isFile: false,
      isDirectory: true,
      createReader: () => ({
        readEntries: (_done: unknown, fail: (error: Error) => void) => {
          fail(new Error('denied'));
        },
      }),
    } as unknown as FileSystemEntry;
    const { files, unreadable } = await fileEntriesUnder([broken, entryOf(tree)]);
    expect(unreadable).toBe(1);
    expect(files).toHaveLength(4);
  });

  it('loads its results, dated by their folders, and tells what was not read', async () => {
    await loadDroppedEntries([entryOf(tree)]);
    const added = store().datasets.slice(1);
    expect(added.map((dataset) => [dataset.label, datasetDate(dataset)])).toEqual([
      ['runs/2026-09-29/nightly.md', '2026-09-29'],
      ['runs/2026-09-30/nightly.md', '2026-09-30'],
    ]);
    const messages = store().problems.map((problem) => problem.message);
    expect(messages[0]).toBe(
      'runs: 1 file was not read: by its name it is not a results file (.png).',
    );
    // The .txt is a results file by its name, and is refused for its content, by its path.
    expect(messages[1]).toMatch(/^runs\/z-notes\.txt was not loaded\./);
  });
});
