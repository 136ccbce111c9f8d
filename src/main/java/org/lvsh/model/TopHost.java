package org.lvsh.model;

/**
 * One host's summary line in top: its CPU use and memory over the last interval, its domains, and how fresh its
 * figures are.
 *
 * @param cpuPct   the host's CPU use over the interval (user and system time of all CPUs), null at the first sample
 *                 or where the driver keeps no CPU times
 * @param usedKib  total minus free, buffers and cache (as free(1)); null where the driver has no memory figures
 * @param ageS     seconds since the figures shown were taken
 * @param tookMs   how long the host took to answer them
 * @param problem  why the figures are not fresh (a failure, a missed deadline), null when they are
 */
public record TopHost(String name, Status status, Double cpuPct, Long totalKib, Long usedKib, Long freeKib,
                      Integer running, Integer domains, Double ageS, Double tookMs, String problem) {
    /** How a host's line stands in one sample. */
    public enum Status {
        /** Answered for this sample. */
        FRESH,
        /** Has not answered this sample in time: its last figures are shown. */
        STALE,
        /** Has not answered yet at all (still connecting). */
        WAITING,
        /** Failed (refused, lost, an error): no figures. */
        FAILED
    }
}
