package org.lvsh.libvirt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.lvsh.model.DomainSample;
import org.lvsh.model.DomainStatsRecord;
import org.lvsh.model.HostSample;
import org.lvsh.model.NodeInfo;

/**
 * top's questions to one connection, a constant number of calls per refresh however many domains the host has:
 * one bulk statistics call (virConnectGetAllDomainStats), the host's CPU times and its memory figures. What does
 * not change (node info, how many CPU and memory statistics the host has) is asked once, at the first refresh;
 * a statistic the driver does not support is not asked again. Never a call per domain.
 */
public final class HostSampler {
    /** The groups top reads: state, cpu.time, balloon, vcpu.current, net and block byte counters. */
    static final int GROUPS = DomainStats.STATE | DomainStats.CPU_TOTAL | DomainStats.BALLOON | DomainStats.VCPU
            | DomainStats.INTERFACE | DomainStats.BLOCK;
    private static final int ALL = -1; // VIR_NODE_CPU_STATS_ALL_CPUS, VIR_NODE_MEMORY_STATS_ALL_CELLS

    private final Connection connection;
    private final boolean nowait;
    private NodeInfo node;
    private int cpuStats;
    private int memoryStats;

    /**
     * @param nowait VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT: a domain whose job is busy (a migration, a stuck
     *               monitor) answers at once without the figures that need it, instead of holding the whole call
     */
    public HostSampler(Connection connection, boolean nowait) {
        this.connection = connection;
        this.nowait = nowait;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * One refresh: 3 calls (6 at the first, which also asks the node info and the statistics' counts). The host's
     * two are made on threads of their own while this one makes the bulk call: libvirt's client multiplexes calls
     * on a connection, so a refresh over a slow link waits about one round-trip, not three.
     */
    public synchronized HostSample sample() {
        long start = System.nanoTime();
        if (node == null) {
            node = Host.nodeInfo(connection);
            cpuStats = countOrNone(() -> Host.cpuStatCount(connection, ALL));
            memoryStats = countOrNone(() -> Host.memoryStatCount(connection, ALL));
        }
        CompletableFuture<Map<String, Long>> cpu = cpuStats <= 0 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> Host.cpuStats(connection, ALL, cpuStats).values(), ASIDE);
        CompletableFuture<Map<String, Long>> memory = memoryStats <= 0 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> Host.memoryStats(connection, ALL, memoryStats).values(), ASIDE);
        List<DomainStatsRecord> records = DomainStats.all(connection, GROUPS, nowait ? DomainStats.NOWAIT : 0);
        Map<String, Long> cpuTimes = answer(cpu);
        Map<String, Long> memoryFigures = answer(memory);
        long end = System.nanoTime();
        List<DomainSample> domains = new ArrayList<>(records.size());
        for (DomainStatsRecord r : records) {
            domains.add(DomainSample.of(r));
        }
        return new HostSample(Instant.now(), end, end - start, (int) node.cpus(), node.memoryKib().longValue(),
                cpuTimes, memoryFigures, List.copyOf(domains));
    }

    /** A thread per call: two a refresh, gone with it (no pool to own, close or leak). */
    private static final Executor ASIDE = task -> {
        Thread t = new Thread(task, "lvsh-node-stats");
        t.setDaemon(true);
        t.start();
    };

    /** The call's answer, or its failure as this thread's (libvirt's error travels with the exception). */
    private static Map<String, Long> answer(CompletableFuture<Map<String, Long>> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** A statistic the driver does not have (the test driver's memory) is left out, not an error. */
    private static int countOrNone(java.util.function.IntSupplier count) {
        try {
            return count.getAsInt();
        } catch (LibvirtFailure e) {
            if (e.error().is(org.libvirt.Error.ErrorNumber.VIR_ERR_NO_SUPPORT)) {
                return 0;
            }
            throw e;
        }
    }
}
