import { useEffect, useState } from 'react';
import { msUntilNextTick } from './clock-ticks.ts';

/**
 * The current time, refreshed every `everyMs` on the boundaries of that
 * period (for clocks and "hoy, 14:05" labels): with a minute, the value
 * changes right after hh:mm:00, so a clock never lags a minute behind.
 */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = (): void => {
      // Each wait is measured again from the time it starts, so late timers do not add up.
      timer = setTimeout(() => {
        setNow(new Date());
        schedule();
      }, msUntilNextTick(Date.now(), everyMs));
    };
    schedule();
    return () => clearTimeout(timer);
  }, [everyMs]);
  return now;
}
