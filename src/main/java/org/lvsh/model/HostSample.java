package org.lvsh.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One host's answer to one of top's refreshes: every domain's counters and the host's own CPU and memory figures.
 *
 * @param time       when the answer was complete (the records' timestamp)
 * @param nanos      the same moment on the monotonic clock, for rates
 * @param tookNanos  how long the host took to answer
 * @param cpus       the host's CPUs (node info, asked once per connection)
 * @param memoryKib  the host's memory (node info)
 * @param cpu        virNodeGetCPUStats of all CPUs (ns: user, kernel, idle, iowait...), null where the driver has none
 * @param memory     virNodeGetMemoryStats of all cells (KiB: total, free, buffers, cached), null where it has none
 */
public record HostSample(Instant time, long nanos, long tookNanos, int cpus, long memoryKib, Map<String, Long> cpu,
                         Map<String, Long> memory, List<DomainSample> domains) {
}
