/** How many small charts sit side by side at a width, and how wide each is (16 px gaps). */
export function smallMultipleLayout(width: number): { columns: number; cellWidth: number } {
  const columns = width >= 960 ? 3 : width >= 600 ? 2 : 1;
  const gap = 16;
  return { columns, cellWidth: Math.max(200, Math.floor((width - (columns - 1) * gap) / columns)) };
}
