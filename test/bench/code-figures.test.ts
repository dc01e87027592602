import {
  featureImports,
  featureOf,
  importSpecifiers,
  lineCount,
  longFiles,
  parseDuplicatesCount,
} from '../../bench/code-figures.ts';

describe('parseDuplicatesCount', () => {
  it("reads the pair count from the first line, commas and a singular 'pair' included", () => {
    expect(
      parseDuplicatesCount(
        '26 pairs of places (206 files read), each sharing runs of 6 or more lines\nD1 a.ts:1-9 ~ b.ts:3-11',
      ),
    ).toBe(26);
    expect(parseDuplicatesCount('1 pair of places (3 files read)\n')).toBe(1);
    expect(parseDuplicatesCount('1,204 pairs of places (9,000 files read)')).toBe(1204);
  });

  it('reads no duplicates as 0, and anything else as null', () => {
    expect(parseDuplicatesCount('no duplicates (12 files read)\n')).toBe(0);
    expect(parseDuplicatesCount('')).toBeNull();
    expect(parseDuplicatesCount('usage: duplicates [--change]')).toBeNull();
    // Only the first line counts.
    expect(parseDuplicatesCount('incomplete: timed out\n3 pairs of places')).toBeNull();
  });
});

describe('lineCount', () => {
  it('counts lines as an editor numbers them', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('\n\n\n')).toBe(3);
    expect(lineCount('a\r\nb\r\n')).toBe(2);
  });
});

describe('longFiles', () => {
  const lines = (n: number): string => 'x;\n'.repeat(n);

  it('lists files over the limit, longest first, a file of exactly the limit not', () => {
    const files = [
      { path: 'src/a.ts', text: lines(400) },
      { path: 'src/b.ts', text: lines(401) },
      { path: 'src/c.tsx', text: `${lines(450)}y;` }, // 451 lines, the last without a newline
      { path: 'src/d.ts', text: lines(12) },
    ];
    expect(longFiles(files)).toEqual([
      { path: 'src/c.tsx', lines: 451 },
      { path: 'src/b.ts', lines: 401 },
    ]);
    expect(longFiles(files, 10)).toHaveLength(4);
  });
});

describe('featureOf', () => {
  it("names a feature's folder, and nothing outside src/features", () => {
    expect(featureOf('src/features/charts/latency-chart.tsx')).toBe('charts');
    expect(featureOf('src/features/charts/deep/x.ts')).toBe('charts');
    expect(featureOf('src/features/app.tsx')).toBeNull();
    expect(featureOf('src/ui/chart-figure.tsx')).toBeNull();
    expect(featureOf('test/features/charts/x.test.ts')).toBeNull();
  });
});

describe('importSpecifiers', () => {
  it('finds imports, re-exports, side-effect and dynamic imports, not comments or strings', () => {
    const text = [
      "import a from '../x/a';",
      'import type { B } from "./b";',
      "export { c } from '../../data/c';",
      "import './s.css';",
      "const Lazy = lazy(() => import('../charts/charts-section'));",
      "// import z from '../zz/z';",
      "/* import y from '../yy/y'; */",
      'const s = \'import q from "../qq/q"\';',
      'import {',
      '  m,',
      "} from '../multi/m';",
      "import React from 'react';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual([
      '../x/a',
      './b',
      '../../data/c',
      './s.css',
      '../charts/charts-section',
      '../multi/m',
      'react',
    ]);
  });
});

describe('featureImports', () => {
  it('counts imports from one feature into another, and no others', () => {
    const files = [
      {
        path: 'src/features/compare/compare-section.tsx',
        text: [
          "import { HistoryChart } from '../history/history-chart';", // compare → history
          "import type { Row } from '../history/sub/rows';", // compare → history, a type
          "import { CompareTable } from './compare-table';", // its own
          "import { useDashboardStore } from '../../store/dashboard-store';", // the store
          "import { ChartFigure } from '../../ui/chart-figure';", // the kit
          "import { x } from '../../features/charts/x';", // compare → charts, the long way
          "import { clsx } from 'clsx';", // a package
        ].join('\n'),
      },
      {
        path: 'src/features/charts/charts-section.tsx',
        text: "import './charts.css';\nconst C = () => import('../compare/compare-section');",
      },
      // Not a feature: src/app.tsx composes features.
      { path: 'src/app.tsx', text: "import { A } from './features/charts/charts-section';" },
    ];
    expect(featureImports(files)).toEqual([
      {
        file: 'src/features/compare/compare-section.tsx',
        specifier: '../history/history-chart',
        from: 'compare',
        to: 'history',
      },
      {
        file: 'src/features/compare/compare-section.tsx',
        specifier: '../history/sub/rows',
        from: 'compare',
        to: 'history',
      },
      {
        file: 'src/features/compare/compare-section.tsx',
        specifier: '../../features/charts/x',
        from: 'compare',
        to: 'charts',
      },
      {
        file: 'src/features/charts/charts-section.tsx',
        specifier: '../compare/compare-section',
        from: 'charts',
        to: 'compare',
      },
    ]);
  });
});
