/**
 * peakRss: the process's peak resident memory so far in MB, as the kernel counts it (getrusage's maxrss). Sampling
 * memoryUsage.rss() between slices missed what came between samples and cost 0.1–0.25 ms a call inside the timed
 * loop (27 calls a 1,000-pod run: 3–7 ms). A run in a process of its own reads its own peak; later runs in the same
 * process read the largest so far.
 */
export function peakRss(): number {
  return process.resourceUsage().maxRSS / 1024
}
