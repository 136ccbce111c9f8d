package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.complete.CpuCandidates;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.model.NodeCpuPercent;
import org.lvsh.model.NodeStats;
import org.lvsh.output.HostText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "nodecpustats", header = "Prints cpu stats of the node.",
        description = "Returns cpu stats of the node, in nanoseconds.")
public final class NodecpustatsCommand extends ConnectedCommand {
    /** VIR_NODE_CPU_STATS_ALL_CPUS */
    private static final int ALL_CPUS = -1;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CPU", description = "prints specified cpu statistics only.",
            completionCandidates = CpuCandidates.class)
    Integer cpuPositional;

    @Option(names = "--cpu", paramLabel = "CPU", description = "prints specified cpu statistics only.",
            completionCandidates = CpuCandidates.class)
    Integer cpuOption;

    @Option(names = "--percent", description = "prints by percentage during 1 second.")
    boolean percent;

    @Override
    protected void run() {
        Integer cpu = either(cpuPositional, cpuOption, "--cpu");
        int which = cpu == null ? ALL_CPUS : cpu;
        Connection c = connection();
        int count;
        try {
            count = Host.cpuStatCount(c, which);
        } catch (LibvirtFailure e) {
            throw Failure.failed("Unable to get number of cpu stats", e.error());
        }
        if (count == 0) {
            NodeStats none = NodeStats.cpu(java.util.Map.of());
            output().emit(none, HostText.cpuStats(none), HostText.statsRow(none, true));
            return;
        }
        try {
            if (!percent) {
                NodeStats stats = Host.cpuStats(c, which, count);
                output().emit(stats, HostText.cpuStats(stats), HostText.statsRow(stats, true));
                return;
            }
            NodeCpuPercent pct = Host.cpuPercent(c, which, count);
            if (pct == null) {
                throw Failure.failed("the host's CPU times did not change in one second, so no percentage can be "
                        + "given (virsh prints -nan%)");
            }
            output().emit(pct, HostText.cpuPercent(pct), HostText.cpuPercentRow(pct));
        } catch (LibvirtFailure e) {
            throw Failure.failed("Unable to get node cpu stats", e.error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.failed("interrupted");
        }
    }
}
