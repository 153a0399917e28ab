/** Progress on a terminal's stderr: one line, rewritten in place, and wiped when the work is done. */
const CLEAR_LINE = '\r\x1b[K';

export function progressLine(text: string, last: boolean): string {
  return `\r${text}${last ? CLEAR_LINE : ''}`;
}

/** Progress in whole percent, for work of at least `min` steps, written only when the percentage changes. */
export function percentProgress(min: number, text: (percent: number) => string, write: (s: string) => void) {
  let shown = -1;
  return {
    report(done: number, total: number): void {
      if (total < min) return;
      const percent = Math.floor((done / total) * 100);
      if (percent === shown) return;
      shown = percent;
      write(progressLine(text(percent), done === total));
    },
    /** Wipes a line the work left behind when it stopped short of 100 %. */
    clear(): void {
      if (shown >= 0 && shown < 100) write(CLEAR_LINE);
    },
  };
}
