package org.lvsh.cli.host;

import java.util.List;
import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.cli.NumberWithUnit;
import org.lvsh.complete.CellCandidates;
import org.lvsh.complete.PageSizeCandidates;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Host;
import org.lvsh.model.FreePages;
import org.lvsh.output.HostText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "freepages", header = "NUMA free pages",
        description = "display available free pages for the NUMA cell.")
public final class FreepagesCommand extends ConnectedCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CELLNO", description = "NUMA cell number",
            completionCandidates = CellCandidates.class)
    Integer cellPositional;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PAGESIZE", description = "page size (in kibibytes)",
            completionCandidates = PageSizeCandidates.class)
    @NumberWithUnit
    String sizePositional;

    @Option(names = "--cellno", paramLabel = "CELLNO", description = "NUMA cell number",
            completionCandidates = CellCandidates.class)
    Integer cellOption;

    @Option(names = "--pagesize", paramLabel = "PAGESIZE",
            description = "page size (in kibibytes; or with a unit: 4K, 2M, 1G, 2048KiB)",
            completionCandidates = PageSizeCandidates.class)
    @NumberWithUnit
    String sizeOption;

    @Option(names = "--all", description = "show free pages for all NUMA cells")
    boolean all;

    @Override
    protected void run() {
        Integer cell = CellNumber.check(either(cellPositional, cellOption, "--cellno"));
        String sizeText = either(sizePositional, sizeOption, "--pagesize");
        exclusive(all, "all", cell != null, "cellno");
        Long size = sizeText == null ? null : ScaledSize.parseKib(sizeText, "pagesize");
        if (!all && cell == null) {
            throw Failure.usage("missing cellno argument");
        }
        if (!all && size == null) {
            throw Failure.usage("missing pagesize argument");
        }
        Connection c = connection();
        FreePages result;
        if (all) {
            long[] sizes = size != null ? new long[] {size} : Host.pageSizesKib(c);
            result = Host.freePages(c, Host.numaCellIds(c), toInts(sizes));
        } else {
            result = Host.freePages(c, List.of(cell), toInts(new long[] {size}));
        }
        output().emit(result, HostText.freePages(result, all));
    }

    private static int[] toInts(long[] sizes) {
        int[] ints = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            ints[i] = Math.toIntExact(sizes[i]);
        }
        return ints;
    }
}
