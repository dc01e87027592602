import { useEffect, useState } from 'react';
import { fileInputs, loadInputs, pastedInput } from '../../store/load-files';
import { loadDroppedEntries } from '../../store/load-folder';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') === true;
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement)
  );
}

/**
 * Files dropped anywhere on the page load (a full-page target shows while dragging); text
 * pasted anywhere but in a text field loads as results too.
 */
export function PageDropTarget() {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const onDragEnter = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onDragOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      // A folder comes as a directory entry, to be walked; its entries must be taken now, while
      // the drop's data is there.
      const entries = [...(event.dataTransfer?.items ?? [])].flatMap(
        (item) => item.webkitGetAsEntry() ?? [],
      );
      if (entries.some((entry) => entry.isDirectory)) {
        void loadDroppedEntries(entries);
        return;
      }
      const files = event.dataTransfer?.files;
      if (files !== undefined && files.length > 0) void loadInputs(fileInputs(files));
    };
    const onPaste = (event: ClipboardEvent): void => {
      if (isEditable(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      event.preventDefault();
      void loadInputs([pastedInput(text)]);
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>Drop results files or folders to load them</p>
      <p className="drop-detail">
        CI benchmark pages (.md) or their JSON. Files stay on this machine.
      </p>
    </div>
  );
}
