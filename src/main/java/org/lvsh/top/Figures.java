package org.lvsh.top;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvsh.model.DomainSample;
import org.lvsh.model.DomainState;
import org.lvsh.model.HostSample;

/**
 * A host's figures from its latest sample and the one before: rates are counter differences over the time between
 * the two answers. %CPU is of the whole host (a domain using one CPU fully on a 16-CPU host shows 6.25), so that
 * the domains of a host add up to at most 100 and compare with the host's own CPU line.
 */
final class Figures {
    private Figures() {
    }

    /** One host's figures. */
    record Host(HostSample sample, Double cpuPct, Long totalKib, Long usedKib, Long freeKib, int running,
                List<Domain> domains) {
        /** The domains' merged samples by UUID: what the next sample fills its missing figures from. */
        Map<String, DomainSample> known() {
            Map<String, DomainSample> known = new HashMap<>();
            for (Domain d : domains) {
                known.put(d.known().uuid(), d.known());
            }
            return known;
        }
    }

    /**
     * One domain's figures.
     *
     * @param known   its sample, with the figures NOWAIT left out filled in from earlier ones
     * @param partial some figures were filled in: they are not from this sample
     */
    record Domain(DomainSample known, boolean partial, Double cpuPct, Long memoryKib, String memorySource,
                  Double memoryPct, Long readRate, Long writeRate, Long rxRate, Long txRate, Double intervalS) {
    }

    /**
     * @param previous the host's previous sample on the same connection (null at the first)
     * @param known    the previous figures' merged samples by UUID (empty at the first)
     */
    static Host of(HostSample current, HostSample previous, Map<String, DomainSample> known) {
        Map<String, DomainSample> before = new HashMap<>();
        if (previous != null) {
            for (DomainSample d : previous.domains()) {
                before.put(d.uuid(), d);
            }
        }
        double seconds = previous == null ? 0 : (current.nanos() - previous.nanos()) / 1e9;
        Long total = memory(current, "total");
        long hostKib = total != null ? total : current.memoryKib();
        List<Domain> domains = new ArrayList<>(current.domains().size());
        int running = 0;
        for (DomainSample raw : current.domains()) {
            if (raw.state() == DomainState.RUNNING) {
                running++;
            }
            DomainSample merged = fill(raw, known.get(raw.uuid()));
            DomainSample was = before.get(raw.uuid());
            boolean comparable = seconds > 0 && was != null && raw.active() && raw.id().equals(was.id());
            Double cpu = comparable ? rate(raw.cpuTimeNs(), was.cpuTimeNs(), seconds) : null;
            Double cpuPct = cpu == null || current.cpus() <= 0 ? null
                    : round(cpu / 1e9 / current.cpus() * 100, 2);
            Object[] memory = memory(merged);
            Long memoryKib = (Long) memory[0];
            domains.add(new Domain(merged, merged != raw, cpuPct, memoryKib, (String) memory[1],
                    memoryKib == null || hostKib <= 0 ? null : round(memoryKib * 100.0 / hostKib, 2),
                    comparable ? whole(rate(raw.diskReadBytes(), was.diskReadBytes(), seconds)) : null,
                    comparable ? whole(rate(raw.diskWriteBytes(), was.diskWriteBytes(), seconds)) : null,
                    comparable ? whole(rate(raw.netRxBytes(), was.netRxBytes(), seconds)) : null,
                    comparable ? whole(rate(raw.netTxBytes(), was.netTxBytes(), seconds)) : null,
                    comparable ? round(seconds, 3) : null));
        }
        Long free = memory(current, "free");
        Long used = null;
        if (total != null && free != null) {
            used = total - free - orZero(memory(current, "buffers")) - orZero(memory(current, "cached"));
        }
        return new Host(current, cpuPercent(current, previous), hostKib, used, free, running, List.copyOf(domains));
    }

    /**
     * The memory a running domain uses and where the figure comes from: its process's resident memory on the host
     * where libvirt has it, else what the guest uses by its balloon driver, else what it is given.
     */
    private static Object[] memory(DomainSample d) {
        if (!d.active()) {
            return new Object[] {null, null}; // a domain that does not run uses none (libvirt still reports its size)
        }
        if (d.rssKib() != null) {
            return new Object[] {d.rssKib(), "rss"};
        }
        if (d.availableKib() != null && d.usableKib() != null) {
            return new Object[] {Math.max(0, d.availableKib() - d.usableKib()), "guest"};
        }
        if (d.currentKib() != null) {
            return new Object[] {d.currentKib(), "allocation"};
        }
        return new Object[] {null, null};
    }

    /**
     * The sample with the figures NOWAIT left out (a domain whose job was busy answers without what needs it)
     * taken from the last ones known, for the same run of the domain; the same object when nothing was missing.
     */
    static DomainSample fill(DomainSample d, DomainSample known) {
        if (known == null || !d.active() || !d.id().equals(known.id())) {
            return d;
        }
        Long cpu = or(d.cpuTimeNs(), known.cpuTimeNs());
        Integer vcpus = d.vcpus() != null ? d.vcpus() : known.vcpus();
        Long current = or(d.currentKib(), known.currentKib());
        Long rss = or(d.rssKib(), known.rssKib());
        Long available = or(d.availableKib(), known.availableKib());
        Long usable = or(d.usableKib(), known.usableKib());
        Long read = or(d.diskReadBytes(), known.diskReadBytes());
        Long write = or(d.diskWriteBytes(), known.diskWriteBytes());
        Long rx = or(d.netRxBytes(), known.netRxBytes());
        Long tx = or(d.netTxBytes(), known.netTxBytes());
        DomainSample filled = new DomainSample(d.uuid(), d.name(), d.id(), d.state(), cpu, vcpus, current, rss,
                available, usable, read, write, rx, tx);
        return filled.equals(d) ? d : filled;
    }

    private static Long or(Long value, Long known) {
        return value != null ? value : known;
    }

    private static Long orZero(Long v) {
        return v == null ? 0 : v;
    }

    /** Per second; null when either side is missing or the counter went back (the domain restarted). */
    private static Double rate(Long now, Long then, double seconds) {
        if (now == null || then == null || now < then) {
            return null;
        }
        return (now - then) / seconds;
    }

    private static Long whole(Double perSecond) {
        return perSecond == null ? null : Math.round(perSecond);
    }

    private static Long memory(HostSample s, String field) {
        return s.memory() == null ? null : s.memory().get(field);
    }

    /**
     * The host's CPU use over the interval: user and kernel time over all time, as nodecpustats --percent; a
     * driver's own utilization figure where it gives one instead of times.
     */
    static Double cpuPercent(HostSample current, HostSample previous) {
        if (current.cpu() == null) {
            return null;
        }
        Long utilization = current.cpu().get("utilization");
        if (utilization != null) {
            return (double) utilization;
        }
        if (previous == null || previous.cpu() == null) {
            return null;
        }
        Map<String, Long> delta = new LinkedHashMap<>();
        long all = 0;
        for (String field : List.of("user", "kernel", "idle", "iowait", "intr")) {
            Long a = previous.cpu().get(field);
            Long b = current.cpu().get(field);
            if (a != null && b != null) {
                delta.put(field, b - a);
                all += b - a;
            }
        }
        if (all <= 0) {
            return null; // no time passed on the host's counters (the test driver's stand still)
        }
        return round((delta.getOrDefault("user", 0L) + delta.getOrDefault("kernel", 0L)) * 100.0 / all, 2);
    }

    static double round(double v, int places) {
        double scale = Math.pow(10, places);
        return Math.round(v * scale) / scale;
    }
}
