import { useRef } from 'react';
import { fileInputs, loadInputs } from '../../store/load-files';

/** `Load results`: the native picker, several files at once. */
export function LoadResultsButton() {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="primary"
        onClick={() => {
          inputRef.current?.click();
        }}
      >
        Load results
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept=".json,.jsonl,.md,.markdown,.txt,application/json,text/markdown,text/plain"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="load-results-input"
        data-shortcut="open-file"
        onChange={(event) => {
          const files = event.currentTarget.files;
          if (files !== null && files.length > 0) void loadInputs(fileInputs(files));
          // Let the same file be chosen again after it was removed.
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}
