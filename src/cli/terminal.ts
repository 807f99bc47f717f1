// What the terminal can show: colour only on a TTY (NO_COLOR and FORCE_COLOR respected), and a
// one-line progress display on stderr that redraws in place during long work and stays silent
// when stderr is not a terminal (CI logs, pipes).
import type { ProgressEvent } from '../check/types.js';

export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '' && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export interface Progress {
  update(event: ProgressEvent): void;
  done(): void;
}

const STAGE_LABEL: Record<ProgressEvent['stage'], string> = {
  discover: 'finding migrations',
  parse: 'reading history',
  analyze: 'analyzing',
  'dry-run': 'dry-run',
};

export function progressLine(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(e) {
      const now = Date.now();
      // Redrawing on every event costs more than the work on small files; 20 times a second is plenty.
      if (now - last < 50 && e.done < e.total) return;
      last = now;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const count = e.total > 1 ? ` ${Math.min(e.done, e.total)}/${e.total}` : '';
      const label = e.label ? ` ${e.label}` : '';
      let line = `${STAGE_LABEL[e.stage]}${count}${label}`;
      if (line.length > width) line = `${line.slice(0, width - 1)}…`;
      stream.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
