import { useCallback, useState } from 'react';

/** Which series a chart's legend turned off, and a toggle for one of them. */
export function useSeriesToggle(): { off: ReadonlySet<string>; toggle: (key: string) => void } {
  const [off, setOff] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((key: string) => {
    setOff((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  return { off, toggle };
}
