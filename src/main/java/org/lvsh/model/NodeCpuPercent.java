package org.lvsh.model;

/**
 * nodecpustats --percent: shares of CPU time over one second. A share the driver does not report is null; with
 * a utilization figure from the driver, only usage and idle are known.
 */
public record NodeCpuPercent(Double usagePct, Double userPct, Double systemPct, Double idlePct, Double iowaitPct,
                             Double intrPct) {
}
