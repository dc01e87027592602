import { useId } from 'react';
import {
  compareSideParam,
  readCompareSide,
  type CompareSide,
  type CompareSideOption,
} from '../../data/compare/compare-sides';
import type { SideInfo } from '../../data/compare/side-info';

interface SideSelectProps {
  readonly label: 'Baseline' | 'Candidate';
  readonly info: SideInfo;
  readonly datasets: readonly CompareSideOption[];
  readonly gpus: readonly CompareSideOption[];
  readonly onChange: (side: CompareSide | null) => void;
}

export function SideSelect({ label, info, datasets, gpus, onChange }: SideSelectProps) {
  const id = useId();
  const value = info.side === null ? '' : compareSideParam(info.side);
  const known =
    datasets.some((option) => option.value === value) ||
    gpus.some((option) => option.value === value);
  return (
    <div className="compare-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          onChange(readCompareSide(event.currentTarget.value));
        }}
      >
        {value === '' && <option value="">Choose…</option>}
        {value !== '' && !known && (
          <optgroup label="Not loaded">
            <option value={value}>{info.label} (not loaded)</option>
          </optgroup>
        )}
        {(
          [
            ['Datasets', datasets],
            ['GPUs', gpus],
          ] as const
        ).map(([group, options]) =>
          // An empty Datasets group still says where datasets would be; no GPUs, no group.
          group === 'GPUs' && options.length === 0 ? null : (
            <optgroup key={group} label={group}>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
    </div>
  );
}
