package org.lvsh.libvirt;

import java.util.ArrayList;
import java.util.List;
import org.libvirt.Domain;
import org.lvsh.libvirt.jna.Natives;
import org.lvsh.model.DomainStatsRecord;

/**
 * domstats: statistics of many domains in one bulk call, virConnectGetAllDomainStats for every domain the filter
 * lets through or virDomainListGetStats for named ones. Never a call per domain beyond the lookups of the named.
 */
public final class DomainStats {
    // virDomainStatsTypes
    public static final int STATE = 1;
    public static final int CPU_TOTAL = 1 << 1;
    public static final int BALLOON = 1 << 2;
    public static final int VCPU = 1 << 3;
    public static final int INTERFACE = 1 << 4;
    public static final int BLOCK = 1 << 5;
    public static final int PERF = 1 << 6;
    public static final int IOTHREAD = 1 << 7;
    public static final int MEMORY = 1 << 8;
    public static final int DIRTYRATE = 1 << 9;
    public static final int VM = 1 << 10;

    // virConnectGetAllDomainStatsFlags
    public static final int LIST_ACTIVE = 1;
    public static final int LIST_INACTIVE = 1 << 1;
    public static final int LIST_PERSISTENT = 1 << 2;
    public static final int LIST_TRANSIENT = 1 << 3;
    public static final int LIST_RUNNING = 1 << 4;
    public static final int LIST_PAUSED = 1 << 5;
    public static final int LIST_SHUTOFF = 1 << 6;
    public static final int LIST_OTHER = 1 << 7;
    public static final int NOWAIT = 1 << 29;
    public static final int BACKING = 1 << 30;
    public static final int ENFORCE_STATS = 1 << 31;

    private DomainStats() {
    }

    /** Every domain's statistics (stats 0: every group the driver has), one call. */
    public static List<DomainStatsRecord> all(Connection c, int stats, int flags) {
        return Natives.allDomainStats(c.handle(), stats, flags);
    }

    /**
     * The named domains' statistics, in the order named (a domain named twice comes twice, as in virsh): each
     * looked up as virsh does (id, UUID, name), then one call for all of them.
     *
     * @param skipMissing leave out the texts that name no domain here (on a host of a set, they are other hosts');
     *                    when none is left, no call is made and the answer is empty
     * @throws DomainNotFound unless skipMissing, for the first text that names no domain (nothing is asked then)
     */
    public static List<DomainStatsRecord> named(Connection c, List<String> texts, int stats, int flags,
                                                boolean skipMissing) {
        List<OpenDomain> open = new ArrayList<>(texts.size());
        try {
            List<Domain> domains = new ArrayList<>(texts.size());
            for (String text : texts) {
                OpenDomain d;
                try {
                    d = Domains.lookup(c, text, Domains.ANY);
                } catch (DomainNotFound e) {
                    if (skipMissing) {
                        continue;
                    }
                    throw e;
                }
                open.add(d);
                domains.add(d.binding());
            }
            return domains.isEmpty() ? List.of() : Natives.domainStats(domains, stats, flags);
        } finally {
            open.forEach(OpenDomain::close);
        }
    }
}
