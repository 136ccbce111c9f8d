package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.complete.CellCandidates;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.model.NodeStats;
import org.lvsh.output.HostText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "nodememstats", header = "Prints memory stats of the node.",
        description = "Returns memory stats of the node, in kilobytes.")
public final class NodememstatsCommand extends ConnectedCommand {
    /** VIR_NODE_MEMORY_STATS_ALL_CELLS */
    private static final int ALL_CELLS = -1;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CELL", description = "prints specified cell statistics only.",
            completionCandidates = CellCandidates.class)
    Integer cellPositional;

    @Option(names = "--cell", paramLabel = "CELL", description = "prints specified cell statistics only.",
            completionCandidates = CellCandidates.class)
    Integer cellOption;

    @Override
    protected void run() {
        Integer cell = either(cellPositional, cellOption, "--cell");
        int which = cell == null ? ALL_CELLS : cell;
        Connection c = connection();
        int count;
        try {
            count = Host.memoryStatCount(c, which);
        } catch (LibvirtFailure e) {
            throw Failure.failed("Unable to get number of memory stats", e.error());
        }
        NodeStats stats;
        try {
            stats = count == 0 ? NodeStats.memory(java.util.Map.of()) : Host.memoryStats(c, which, count);
        } catch (LibvirtFailure e) {
            throw Failure.failed("Unable to get memory stats", e.error());
        }
        output().emit(stats, HostText.memoryStats(stats), HostText.statsRow(stats, false));
    }
}
