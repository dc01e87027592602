import { beforeEach, describe, expect, it } from 'vitest';
import { loadBundledData, readManifest, type FetchText } from '../../src/store/bundled-data';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { readSiteFile } from '../helpers/seed';

const store = () => useDashboardStore.getState();

const fromSite: FetchText = (path) => Promise.resolve(readSiteFile(path));

beforeEach(() => {
  store().reset();
});

describe('loading the bundled results', () => {
  it('loads the three nightly runs, labelled by GPU, through the file parser', async () => {
    await loadBundledData(fromSite);
    expect(store().phase).toBe('ready');
    expect(store().problems).toEqual([]);
    expect(store().datasets.map((dataset) => [dataset.label, dataset.results.length])).toEqual([
      ['Nightly · 8×H100', 18],
      ['Nightly · 8×H200', 18],
      ['Nightly · 8×A100-SXM4-80GB', 18],
    ]);
    expect(store().datasets.every((dataset) => dataset.source.kind === 'bundled')).toBe(true);
    expect(store().datasets[0]?.format.label).toBe('vLLM embedded JSON V4');
  });

  it('reports a file that fails and still loads the others', async () => {
    const fetchText: FetchText = (path) =>
      path.endsWith('nightly-8xH200.json')
        ? Promise.reject(new Error('the server answered 404'))
        : fromSite(path);
    await loadBundledData(fetchText);
    expect(store().datasets).toHaveLength(2);
    expect(store().problems).toEqual([
      {
        source: 'nightly-8xH200.json',
        message: 'Could not load nightly-8xH200.json: the server answered 404.',
      },
    ]);
    expect(store().phase).toBe('ready');
  });

  it('reports a bundled file that is not results, by name and reason', async () => {
    const fetchText: FetchText = (path) =>
      path.endsWith('nightly-8xH100.json') ? Promise.resolve('{"hello": 1}') : fromSite(path);
    await loadBundledData(fetchText);
    expect(store().datasets).toHaveLength(2);
    expect(store().problems[0]?.source).toBe('nightly-8xH100.json');
    expect(store().problems[0]?.message).toMatch(
      /^nightly-8xH100\.json: .*not a benchmark results file this dashboard reads/,
    );
  });

  it('says so when the list of bundled files cannot be read', async () => {
    await loadBundledData(() => Promise.resolve('not json'));
    expect(store().datasets).toEqual([]);
    expect(store().problems).toEqual([
      { source: 'data/manifest.json', message: 'The list of bundled results is malformed.' },
    ]);
    expect(store().phase).toBe('ready');
  });
});

describe('readManifest', () => {
  it('keeps plain file names only, so nothing outside data/ can be fetched', () => {
    expect(
      readManifest(
        '{"datasets": ["nightly-8xH100.json", "../secret.json", "https://example.com/x.json", ".hidden", 7, "a/b.json"]}',
      ),
    ).toEqual(['nightly-8xH100.json']);
  });

  it('refuses a manifest without a datasets list', () => {
    expect(readManifest('{"files": []}')).toBeNull();
    expect(readManifest('[]')).toBeNull();
    expect(readManifest('')).toBeNull();
  });
});
