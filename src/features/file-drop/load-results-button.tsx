import { useEffect, useRef } from 'react';
import { fileInputs, loadInputs } from '../../store/load-files';
import { folderName, loadFolderItems, pickedFolderItems } from '../../store/load-folder';
import { PICKER_ACCEPT } from '../../data/folder-files';

/**
 * `Load results`: the native picker, several files at once; and `Load folder`, a folder picker
 * (a folder of nightlies: its results files are read, each named by its path in the folder).
 */
export function LoadResultsButton() {
  const inputRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Not an attribute React knows: set on the element itself.
    if (folderRef.current !== null) folderRef.current.webkitdirectory = true;
  }, []);
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
        accept={PICKER_ACCEPT}
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
      <button
        type="button"
        onClick={() => {
          folderRef.current?.click();
        }}
      >
        Load folder
      </button>
      <input
        ref={folderRef}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="load-folder-input"
        onChange={(event) => {
          const items = pickedFolderItems(event.currentTarget.files ?? []);
          if (items.length > 0)
            void loadFolderItems(folderName(items.map((item) => item.path)), items);
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}
