package org.lvsh.cli.domain;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Context;
import org.lvsh.cli.Failure;
import org.lvsh.complete.DomainCandidates;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.DomainStats;
import org.lvsh.model.DomainStatsRecord;
import org.lvsh.model.TypedParam;
import org.lvsh.output.DomstatsText;
import org.lvsh.output.HostView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * virsh's domstats: one bulk call per host (virConnectGetAllDomainStats, or virDomainListGetStats for the domains
 * named), printed as virsh prints it; JSON as typed records (see {@link org.lvsh.model.StatsKeys}).
 */
@Command(name = "domstats", header = "get statistics about one or multiple domains",
        description = "Gets statistics about one or more (or all) domains")
public final class DomstatsCommand extends ConnectedCommand {
    @Option(names = "--state", description = "report domain state")
    boolean state;
    @Option(names = "--cpu-total", description = "report domain physical cpu usage")
    boolean cpuTotal;
    @Option(names = "--balloon", description = "report domain balloon statistics")
    boolean balloon;
    @Option(names = "--vcpu", description = "report domain virtual cpu information")
    boolean vcpu;
    @Option(names = "--interface", description = "report domain network interface information")
    boolean iface;
    @Option(names = "--block", description = "report domain block device statistics")
    boolean block;
    @Option(names = "--perf", description = "report domain perf event statistics")
    boolean perf;
    @Option(names = "--iothread", description = "report domain IOThread information")
    boolean iothread;
    @Option(names = "--memory", description = "report domain memory usage")
    boolean memory;
    @Option(names = "--dirtyrate", description = "report domain dirty rate information")
    boolean dirtyrate;
    @Option(names = "--vm", description = "report hypervisor-specific statistics")
    boolean vm;
    @Option(names = "--list-active", description = "list only active domains")
    boolean listActive;
    @Option(names = "--list-inactive", description = "list only inactive domains")
    boolean listInactive;
    @Option(names = "--list-persistent", description = "list only persistent domains")
    boolean listPersistent;
    @Option(names = "--list-transient", description = "list only transient domains")
    boolean listTransient;
    @Option(names = "--list-running", description = "list only running domains")
    boolean listRunning;
    @Option(names = "--list-paused", description = "list only paused domains")
    boolean listPaused;
    @Option(names = "--list-shutoff", description = "list only shutoff domains")
    boolean listShutoff;
    @Option(names = "--list-other", description = "list only domains in other states")
    boolean listOther;
    @Option(names = "--raw", description = "do not pretty-print the fields")
    boolean raw;
    @Option(names = "--enforce", description = "enforce requested stats parameters")
    boolean enforce;
    @Option(names = "--backing", description = "add backing chain information to block stats")
    boolean backing;
    @Option(names = "--nowait", description = "report only stats that are accessible instantly")
    boolean nowait;
    @Parameters(arity = "0..*", paramLabel = "DOMAIN", description = "list of domains to get stats for",
            completionCandidates = DomainCandidates.class)
    List<String> positional;
    @Option(names = "--domain", paramLabel = "DOMAIN", description = "list of domains to get stats for",
            completionCandidates = DomainCandidates.class)
    List<String> named;

    @Override
    protected void run() {
        Connection c = connection();
        List<String> texts = new ArrayList<>();
        if (named != null) {
            texts.addAll(named);
        }
        if (positional != null) {
            texts.addAll(positional);
        }
        List<DomainStatsRecord> records;
        if (texts.isEmpty()) {
            records = DomainStats.all(c, stats(), flags());
        } else {
            boolean onSet = context.hostScope() != null;
            records = DomainStats.named(c, onSet ? onThisHost(texts) : texts, stats(), flags(), onSet);
        }
        for (DomainStatsRecord r : records) {
            for (TypedParam p : r.params()) {
                if (p.type() == TypedParam.Type.UNKNOWN) {
                    throw Failure.failed("unimplemented parameter type " + p.value()); // virsh's words
                }
            }
        }
        if (records.isEmpty() && !texts.isEmpty() && context.hostScope() != null) {
            return; // none of them is on this host: it has nothing to add to the others' answers
        }
        output().emit(records, DomstatsText.of(records), HostView.BLOCK);
    }

    /**
     * On a host of a set (-H): HOST:DOMAIN for this host, nothing named for another host, and the bare names (which
     * the host may not have: those are left out, see {@link DomainStats#named}).
     */
    private List<String> onThisHost(List<String> texts) {
        Context.HostScope scope = context.hostScope();
        List<String> here = new ArrayList<>();
        for (String text : texts) {
            String own = scope.domain(text);
            int colon = text.indexOf(':');
            if (own.equals(text) && colon > 0 && scope.hosts().contains(text.substring(0, colon))) {
                continue; // another host's domain
            }
            here.add(own);
        }
        return here;
    }

    private int stats() {
        return bit(state, DomainStats.STATE) | bit(cpuTotal, DomainStats.CPU_TOTAL)
                | bit(balloon, DomainStats.BALLOON) | bit(vcpu, DomainStats.VCPU)
                | bit(iface, DomainStats.INTERFACE) | bit(block, DomainStats.BLOCK) | bit(perf, DomainStats.PERF)
                | bit(iothread, DomainStats.IOTHREAD) | bit(memory, DomainStats.MEMORY)
                | bit(dirtyrate, DomainStats.DIRTYRATE) | bit(vm, DomainStats.VM);
    }

    /** virsh passes the filters to both calls, as libvirt sorts out which it accepts. */
    private int flags() {
        return bit(listActive, DomainStats.LIST_ACTIVE) | bit(listInactive, DomainStats.LIST_INACTIVE)
                | bit(listPersistent, DomainStats.LIST_PERSISTENT) | bit(listTransient, DomainStats.LIST_TRANSIENT)
                | bit(listRunning, DomainStats.LIST_RUNNING) | bit(listPaused, DomainStats.LIST_PAUSED)
                | bit(listShutoff, DomainStats.LIST_SHUTOFF) | bit(listOther, DomainStats.LIST_OTHER)
                | bit(enforce, DomainStats.ENFORCE_STATS) | bit(backing, DomainStats.BACKING)
                | bit(nowait, DomainStats.NOWAIT);
    }

    private static int bit(boolean set, int flag) {
        return set ? flag : 0;
    }
}
