package org.lvsh.model;

/**
 * What top reads of one domain in one bulk statistics call: who it is, its state, and the counters it turns into
 * rates. A counter libvirt did not report is null (the driver lacks the group, the domain is not running, or NOWAIT
 * skipped what needs the domain's job).
 *
 * @param id          null when the domain is not running
 * @param cpuTimeNs   cpu.time
 * @param vcpus       vcpu.current
 * @param currentKib  balloon.current: the memory the domain is given now
 * @param rssKib      balloon.rss: the resident memory of its process on the host
 * @param availableKib balloon.available: the memory the guest sees (its balloon driver reports it)
 * @param usableKib   balloon.usable: what the guest could still use without swapping
 * @param diskReadBytes  the sum of block.N.rd.bytes: 0 without disks, null when the disks reported no figures
 * @param netRxBytes     the sum of net.N.rx.bytes: 0 without interfaces, null when they reported no figures
 */
public record DomainSample(String uuid, String name, Integer id, DomainState state, Long cpuTimeNs, Integer vcpus,
                           Long currentKib, Long rssKib, Long availableKib, Long usableKib, Long diskReadBytes,
                           Long diskWriteBytes, Long netRxBytes, Long netTxBytes) {

    public static DomainSample of(DomainStatsRecord r) {
        int state = 0;
        Long cpu = null;
        Integer vcpus = null;
        Long current = null;
        Long rss = null;
        Long available = null;
        Long usable = null;
        Long read = null;
        Long write = null;
        Long rx = null;
        Long tx = null;
        Long blocks = null;
        Long interfaces = null;
        for (TypedParam p : r.params()) {
            if (!(p.value() instanceof Number n)) {
                continue;
            }
            String f = p.field();
            switch (f) {
                case "state.state" -> state = n.intValue();
                case "cpu.time" -> cpu = n.longValue();
                case "vcpu.current" -> vcpus = n.intValue();
                case "balloon.current" -> current = n.longValue();
                case "balloon.rss" -> rss = n.longValue();
                case "balloon.available" -> available = n.longValue();
                case "balloon.usable" -> usable = n.longValue();
                case "block.count" -> blocks = n.longValue();
                case "net.count" -> interfaces = n.longValue();
                default -> {
                    if (f.startsWith("block.")) {
                        // block.N.rd.bytes; with --backing there would be block.N per layer, top never asks for it
                        if (f.endsWith(".rd.bytes")) {
                            read = plus(read, n);
                        } else if (f.endsWith(".wr.bytes")) {
                            write = plus(write, n);
                        }
                    } else if (f.startsWith("net.")) {
                        if (f.endsWith(".rx.bytes")) {
                            rx = plus(rx, n);
                        } else if (f.endsWith(".tx.bytes")) {
                            tx = plus(tx, n);
                        }
                    }
                }
            }
        }
        if (r.id() < 0) {
            cpu = null; // it does not run: no time of its own to count (libvirt 9.0 reported one that moved)
        }
        if (blocks != null && blocks == 0) {
            read = 0L; // no disk: nothing read, rather than a figure missing
            write = 0L;
        }
        if (interfaces != null && interfaces == 0) {
            rx = 0L;
            tx = 0L;
        }
        return new DomainSample(r.uuid(), r.name(), r.id() < 0 ? null : r.id(), DomainState.of(state), cpu, vcpus,
                current, rss, available, usable, read, write, rx, tx);
    }

    private static Long plus(Long sum, Number n) {
        return sum == null ? n.longValue() : sum + n.longValue();
    }

    /** Whether the domain runs (has an id): only then do its counters move. */
    public boolean active() {
        return id != null;
    }
}
