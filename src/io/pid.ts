/**
 * Whether a process still runs, for the files named by the process that made them (scratch files, a site's temporary
 * folders): a module of its own, so that a command that only clears such leftovers (`ideas site`) loads no git.
 */

/** Whether a process with this id runs on this host (one that is not ours to signal still runs). */
export function pidRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a pid-named scratch entry may belong to a live process (of this host: scratch files never travel). */
export function pidMayRun(pid: number): boolean {
  return pid === process.pid || pidRuns(pid);
}
