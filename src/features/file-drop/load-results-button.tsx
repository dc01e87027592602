import { useEffect, useRef, type InputHTMLAttributes } from 'react';
import { PICKER_ACCEPT } from '../../data/folder-files';
import { fileInputs, loadInputs } from '../../store/load-files';
import { folderName, loadFolderItems, pickedFolderItems } from '../../store/load-folder';

/**
 * `Load results`: the native picker, several files at once; and `Load folder`, a folder picker
 * (a folder of nightlies: its results files are read, each named by its path in the folder).
 */
export function LoadResultsButton() {
  return (
    <>
      <PickerButton
        label="Load results"
        primary
        accept={PICKER_ACCEPT}
        data-testid="load-results-input"
        data-shortcut="open-file"
        onFiles={(files) => void loadInputs(fileInputs(files))}
      />
      <PickerButton
        label="Load folder"
        folder
        data-testid="load-folder-input"
        onFiles={(files) => {
          const items = pickedFolderItems(files);
          if (items.length > 0)
            void loadFolderItems(folderName(items.map((item) => item.path)), items);
        }}
      />
    </>
  );
}

type InputData = Pick<InputHTMLAttributes<HTMLInputElement>, 'accept'> & {
  readonly 'data-testid': string;
  readonly 'data-shortcut'?: string;
};

/** A button that opens the hidden file input beside it; the files chosen go to `onFiles`. */
function PickerButton({
  label,
  primary = false,
  folder = false,
  onFiles,
  ...input
}: InputData & {
  readonly label: string;
  readonly primary?: boolean;
  readonly folder?: boolean;
  readonly onFiles: (files: FileList) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Not an attribute React knows: set on the element itself.
    if (folder && ref.current !== null) ref.current.webkitdirectory = true;
  }, [folder]);
  return (
    <>
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        onClick={() => {
          ref.current?.click();
        }}
      >
        {label}
      </button>
      <input
        {...input}
        ref={ref}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const files = event.currentTarget.files;
          if (files !== null && files.length > 0) onFiles(files);
          // Let the same file be chosen again after it was removed.
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}
