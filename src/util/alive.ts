/** Whether a process still runs on this machine: for lock files and temporary files a killed build left. */

/** Is process `pid` alive here? (`EPERM`: it exists, it belongs to someone else.) */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
