package org.lvsh.cli.host;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.complete.CellCandidates;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Host;
import org.lvsh.model.FreeCells;
import org.lvsh.output.HostText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "freecell", header = "NUMA free memory",
        description = "display available free memory for the NUMA cell.")
public final class FreecellCommand extends ConnectedCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CELLNO", description = "NUMA cell number",
            completionCandidates = CellCandidates.class)
    Integer cellPositional;

    @Option(names = "--cellno", paramLabel = "CELLNO", description = "NUMA cell number",
            completionCandidates = CellCandidates.class)
    Integer cellOption;

    @Option(names = "--all", description = "show free memory for all NUMA cells")
    boolean all;

    @Override
    protected void run() {
        Integer cell = CellNumber.check(either(cellPositional, cellOption, "--cellno"));
        exclusive(all, "all", cell != null, "cellno");
        Connection c = connection();
        FreeCells result;
        if (all) {
            List<FreeCells.Cell> cells = new ArrayList<>();
            long total = 0;
            for (int id : Host.numaCellIds(c)) {
                FreeCells.Cell one = Host.freeCells(c, id, 1).get(0);
                cells.add(one);
                total += one.freeKib();
            }
            result = new FreeCells(cells, total);
        } else if (cell != null) {
            List<FreeCells.Cell> cells = Host.freeCells(c, cell, 1);
            if (cells.isEmpty()) {
                throw Failure.failed("no free memory information for NUMA cell " + cell);
            }
            result = new FreeCells(cells, cells.get(0).freeKib());
        } else {
            result = new FreeCells(List.of(), Host.freeMemoryKib(c));
        }
        output().emit(result, HostText.freeCells(result, all), HostText.freeCellsRow(result, all));
    }
}
