// CPU time and memory of a process and all its descendants, read from /proc,
// so that the app's and PostgreSQL's cost per redemption can be divided out
// of a run without instrumenting either.
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux.
const PAGE_KB = 4;

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime in clock ticks: the process and its reaped children. */
  ticks: number;
  rssPages: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces and parentheses; fields follow the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const num = (index: number) => Number(fields[index - 3]);
    return { pid, ppid: num(4), ticks: num(14) + num(15) + num(16) + num(17), rssPages: num(24) };
  } catch {
    return null; // The process ended between listing and reading.
  }
}

function tree(rootPid: number): ProcStat[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .map(readStat)
    .filter((stat) => stat !== null);
  const children = new Map<number, ProcStat[]>();
  for (const stat of all) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const root = all.find((stat) => stat.pid === rootPid);
  if (!root) return [];
  const out: ProcStat[] = [];
  const queue = [root];
  while (queue.length) {
    const next = queue.shift()!;
    out.push(next);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return out;
}

/** CPU milliseconds used so far by the process tree under `rootPid` (including its reaped children). */
export function treeCpuMs(rootPid: number): number {
  return (tree(rootPid).reduce((sum, stat) => sum + stat.ticks, 0) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory of the process tree under `rootPid`, in MB. */
export function treeRssMb(rootPid: number): number {
  return (tree(rootPid).reduce((sum, stat) => sum + stat.rssPages, 0) * PAGE_KB) / 1024;
}
