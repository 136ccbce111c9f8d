package org.lvsh.model;

/**
 * One domain in one of top's samples: what batch mode streams (one JSON object a line, one CSV row) and what the
 * view shows. Counters are libvirt's; rates come from the host's previous sample and are null at the first one,
 * for a domain that was not running then, or when a counter went back (a restart). Missing values are null.
 *
 * @param sample      the sample's number, from 1
 * @param timestamp   when the host answered (ISO 8601, UTC): a stale record keeps its earlier answer's time
 * @param stale       the host did not answer this sample in time, or the domain's busy job kept some of its
 *                    figures out (NOWAIT): the values are the last ones known
 * @param cpuPct      CPU time used over the interval, in percent of the whole host (all its CPUs)
 * @param memoryKib   the memory in use, from {@code memorySource}
 * @param memorySource "rss" (the domain's process on the host), "guest" (used inside the guest, from its
 *                    balloon driver: available minus usable), "allocation" (what it is given: no usage figure)
 * @param memoryPct   memoryKib in percent of the host's memory
 * @param intervalS   the seconds between the two samples the rates come from
 */
public record TopRecord(int sample, String timestamp, boolean stale, Integer id, String name, String uuid,
                        DomainState state, Double cpuPct, Integer vcpus, Long memoryKib, String memorySource,
                        Double memoryPct, Long diskReadBytesPerS, Long diskWriteBytesPerS, Long netRxBytesPerS,
                        Long netTxBytesPerS, Long cpuTimeNs, Long diskReadBytes, Long diskWriteBytes, Long netRxBytes,
                        Long netTxBytes, Double intervalS) {
}
