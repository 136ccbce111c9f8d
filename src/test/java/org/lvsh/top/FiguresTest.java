package org.lvsh.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lvsh.model.DomainSample;
import org.lvsh.model.DomainState;
import org.lvsh.model.HostSample;

/**
 * What top computes from two samples of a host: rates over the time between them, %CPU of the whole host, the memory
 * figure and where it comes from, the host's CPU and memory line, and the figures a busy domain's job kept out of a
 * sample (NOWAIT) taken from the last ones known.
 */
class FiguresTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long HOST_KIB = 8L << 20;

    private static DomainSample domain(String uuid, Integer id, Long cpuNs, Long rss, Long available, Long usable,
                                       Long current, Long read, Long rx) {
        return new DomainSample(uuid, "vm-" + uuid, id, id == null ? DomainState.SHUTOFF : DomainState.RUNNING, cpuNs,
                id == null ? null : 2, current, rss, available, usable, read, read == null ? null : 0L, rx,
                rx == null ? null : 0L);
    }

    private static HostSample host(long nanos, Map<String, Long> cpu, Map<String, Long> memory,
                                   DomainSample... domains) {
        return new HostSample(Instant.EPOCH, nanos, 1_000_000, 4, HOST_KIB, cpu, memory, List.of(domains));
    }

    private static final Map<String, Long> CPU_BEFORE = Map.of("user", 1000 * SECOND, "kernel", 500 * SECOND,
            "idle", 8000 * SECOND, "iowait", 500 * SECOND);
    // 10 s of CPU time passed over the host's CPUs: 2 user, 1 kernel, 6 idle, 1 iowait
    private static final Map<String, Long> CPU_AFTER = Map.of("user", 1002 * SECOND, "kernel", 501 * SECOND,
            "idle", 8006 * SECOND, "iowait", 501 * SECOND);
    private static final Map<String, Long> MEMORY = Map.of("total", HOST_KIB, "free", 4L << 20, "buffers", 1L << 20,
            "cached", 1L << 20);

    @Test
    void ratesArePerSecondAndCpuIsOfTheWholeHost() {
        HostSample before = host(10 * SECOND, CPU_BEFORE, MEMORY,
                domain("a", 1, 10 * SECOND, 524288L, null, null, 1048576L, 1000L, 0L));
        HostSample after = host(12 * SECOND, CPU_AFTER, MEMORY,
                domain("a", 1, 12 * SECOND, 524288L, null, null, 1048576L, 5000L, 2048L));
        Figures.Host f = Figures.of(after, before, Map.of());
        Figures.Domain a = f.domains().get(0);
        assertEquals(25.0, a.cpuPct(), "2 s of CPU time in 2 s on a 4-CPU host: one CPU of four");
        assertEquals(2000L, a.readRate());
        assertEquals(0L, a.writeRate());
        assertEquals(1024L, a.rxRate());
        assertEquals(2.0, a.intervalS());
        assertEquals(524288L, a.memoryKib());
        assertEquals("rss", a.memorySource());
        assertEquals(6.25, a.memoryPct());
        assertFalse(a.partial());
        assertEquals(30.0, f.cpuPct(), "user and kernel time over all the time that passed");
        assertEquals(HOST_KIB, f.totalKib());
        assertEquals(2L << 20, f.usedKib(), "total minus free, buffers and cache");
        assertEquals(4L << 20, f.freeKib());
        assertEquals(1, f.running());
    }

    @Test
    void theFirstSampleHasNoRates() {
        Figures.Host f = Figures.of(host(SECOND, CPU_BEFORE, MEMORY,
                domain("a", 1, SECOND, 1024L, null, null, 2048L, 0L, 0L)), null, Map.of());
        Figures.Domain a = f.domains().get(0);
        assertNull(a.cpuPct());
        assertNull(a.readRate());
        assertNull(a.rxRate());
        assertNull(a.intervalS());
        assertEquals(1024L, a.memoryKib(), "counters and memory are there at once");
        assertNull(f.cpuPct());
    }

    @Test
    void memoryIsTheProcessesThenTheGuestsThenTheAllocation() {
        HostSample s = host(SECOND, null, null,
                domain("rss", 1, 0L, 300L, 1000L, 400L, 2000L, null, null),
                domain("guest", 2, 0L, null, 1000L, 400L, 2000L, null, null),
                domain("alloc", 3, 0L, null, null, null, 2000L, null, null),
                domain("off", null, null, null, null, null, 2000L, null, null));
        List<Figures.Domain> d = Figures.of(s, null, Map.of()).domains();
        assertEquals(List.of(300L, 600L, 2000L), List.of(d.get(0).memoryKib(), d.get(1).memoryKib(),
                d.get(2).memoryKib()));
        assertEquals(List.of("rss", "guest", "allocation"), List.of(d.get(0).memorySource(), d.get(1).memorySource(),
                d.get(2).memorySource()));
        assertNull(d.get(3).memoryKib(), "a domain that does not run uses no memory, whatever its size");
        assertNull(d.get(3).memorySource());
        assertNull(d.get(3).memoryPct());
        Figures.Host f = Figures.of(s, null, Map.of());
        assertEquals(HOST_KIB, f.totalKib(), "without memory statistics, node info's total");
        assertNull(f.usedKib());
        assertNull(f.freeKib());
    }

    @Test
    void aRestartedDomainOrACounterThatWentBackHasNoRate() {
        HostSample before = host(SECOND, null, null, domain("re", 1, 50 * SECOND, null, null, null, 1L, 9000L, 9000L),
                domain("back", 2, 50 * SECOND, null, null, null, 1L, 9000L, 9000L));
        HostSample after = host(2 * SECOND, null, null, domain("re", 7, SECOND, null, null, null, 1L, 10L, 10L),
                domain("back", 2, 51 * SECOND, null, null, null, 1L, 10L, 9500L));
        List<Figures.Domain> d = Figures.of(after, before, Map.of()).domains();
        assertNull(d.get(0).cpuPct(), "a new id: another run of the domain");
        assertNull(d.get(0).readRate());
        assertEquals(25.0, d.get(1).cpuPct());
        assertNull(d.get(1).readRate(), "a disk went away: the sum went back");
        assertEquals(500L, d.get(1).rxRate());
    }

    @Test
    void figuresNowaitLeftOutComeFromTheLastKnownAndMarkTheRow() {
        HostSample before = host(SECOND, null, null, domain("busy", 1, 10 * SECOND, 700L, null, null, 2000L, 100L, 0L));
        Figures.Host first = Figures.of(before, null, Map.of());
        // the domain's job was busy: no rss (the balloon's statistics), no block figures
        HostSample after = host(3 * SECOND, null, null, domain("busy", 1, 14 * SECOND, null, null, null, 2000L, null,
                64L));
        Figures.Domain d = Figures.of(after, before, first.known()).domains().get(0);
        assertTrue(d.partial());
        assertEquals(700L, d.memoryKib(), "the last resident size known, not the allocation");
        assertEquals("rss", d.memorySource());
        assertEquals(100L, d.known().diskReadBytes());
        assertNull(d.readRate(), "no rate from a figure this sample did not have");
        assertEquals(50.0, d.cpuPct(), "CPU time needs no job: its rate is this sample's");
        assertEquals(32L, d.rxRate());
    }

    @Test
    void nothingIsFilledAcrossRunsOfADomain() {
        DomainSample known = domain("x", 1, SECOND, 700L, null, null, 2000L, 100L, 0L);
        DomainSample restarted = domain("x", 2, SECOND, null, null, null, 2000L, null, null);
        assertSame(restarted, Figures.fill(restarted, known));
        DomainSample off = domain("x", null, null, null, null, null, null, null, null);
        assertSame(off, Figures.fill(off, known));
    }

    @Test
    void aDriversOwnUtilizationIsTakenAsItIs() {
        HostSample s = host(SECOND, Map.of("utilization", 42L), null);
        assertEquals(42.0, Figures.cpuPercent(s, null));
        assertNull(Figures.cpuPercent(host(2 * SECOND, CPU_BEFORE, null), host(SECOND, CPU_BEFORE, null)),
                "counters that did not move: no figure rather than 0 or NaN");
    }
}
