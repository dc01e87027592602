// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  MAX_FOLDER_FILES,
  PICKER_ACCEPT,
  chooseFolderFiles,
  extensionOf,
  folderNotice,
} from '../../src/data/folder-files';

describe('extensionOf', () => {
  it("gives a file's last extension in lower case, and none to dot files or plain names", () => {
    expect(extensionOf('2026-09-30/Results.JSON')).toBe('.json');
    expect(extensionOf('a/b.pytorch.json')).toBe('.json');
    expect(extensionOf('a\\b\\notes.md')).toBe('.md');
    expect(extensionOf('a/README')).toBe('');
    expect(extensionOf('a/.gitignore')).toBe('');
  });
});

describe('PICKER_ACCEPT', () => {
  it('lets the picker offer every kind a folder reads, YAML reports and sidecars included', () => {
    const accepted = PICKER_ACCEPT.split(',');
    for (const extension of ['.json', '.jsonl', '.md', '.txt', '.yaml', '.yml', '.commands']) {
      expect(accepted).toContain(extension);
    }
    expect(accepted).toContain('application/json');
  });
});

describe('chooseFolderFiles', () => {
  const paths = [
    'runs/2026-09-29/benchmark_results.md',
    'runs/2026-09-29/plot.png',
    'runs/2026-09-30/benchmark_results.json',
    'runs/2026-09-30/serving_llama8B_tp1_sharegpt_qps_4.commands',
    'runs/.DS_Store',
    'runs/2026-09-30/._benchmark_results.json',
    'runs/2026-09-30/server.log',
    'runs/README',
    'runs/2026-09-30/more.PNG',
    'runs/guidellm/benchmarks.yaml',
    'runs/llm-d/report.YML',
  ];

  it('reads the results files, YAML reports and the .commands beside them, in their order', () => {
    expect(chooseFolderFiles(paths).read).toEqual([0, 2, 3, 9, 10]);
  });

  it('counts the others and names their kinds, leaving system files unnamed', () => {
    const choice = chooseFolderFiles(paths);
    // plot.png, .DS_Store, ._benchmark_results.json, server.log, README, more.PNG
    expect(choice.skipped).toBe(6);
    expect(choice.skippedExtensions).toEqual(['', '.log', '.png']);
    expect(choice.overLimit).toBe(0);
  });

  it('reads up to the limit and counts the results files past it', () => {
    const many = Array.from({ length: 5 }, (_, i) => `runs/${String(i)}.json`);
    expect(chooseFolderFiles(many, 3)).toEqual({
      read: [0, 1, 2],
      skipped: 0,
      skippedExtensions: [],
      overLimit: 2,
    });
    expect(MAX_FOLDER_FILES).toBe(2_000);
  });
});

describe('folderNotice', () => {
  it('says nothing when every file was read', () => {
    expect(folderNotice('runs', chooseFolderFiles(['runs/a.json']))).toBeNull();
  });

  it('says how many files were not read and of which kinds, once for the folder', () => {
    const choice = chooseFolderFiles(['runs/a.json', 'runs/plot.png', 'runs/x.log', 'runs/y']);
    expect(folderNotice('runs', choice)).toBe(
      'runs: 3 files were not read: by their names they are not results files (no extension, .log, .png).',
    );
    expect(folderNotice('runs', chooseFolderFiles(['runs/.DS_Store']))).toBe(
      'runs: 1 file was not read: by its name it is not a results file.',
    );
  });

  it('names at most six kinds, and says how many results files the limit left out', () => {
    const kinds = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((letter) => `runs/x.${letter}`);
    expect(folderNotice('runs', chooseFolderFiles(kinds))).toBe(
      'runs: 7 files were not read: by their names they are not results files (.a, .b, .c, .d, .e, .f, …).',
    );
    const over = chooseFolderFiles(['runs/1.json', 'runs/2.json', 'runs/3.json'], 1);
    expect(folderNotice('runs', over)).toBe(
      'runs: 2 more results files were left out: a folder is read up to 2,000 files at a time.',
    );
  });
});
