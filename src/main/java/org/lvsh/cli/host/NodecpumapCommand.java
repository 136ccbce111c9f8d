package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.model.NodeCpuMap;
import org.lvsh.output.HostText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nodecpumap", header = "node cpu map",
        description = "Displays the node's total number of CPUs, the number of online CPUs and the list of online "
                + "CPUs.")
public final class NodecpumapCommand extends ConnectedCommand {
    @Option(names = "--pretty", description = "return human readable output")
    boolean pretty;

    @Override
    protected void run() {
        NodeCpuMap map;
        try {
            map = Host.cpuMap(connection());
        } catch (LibvirtFailure e) {
            throw Failure.failed("Unable to get cpu map", e.error());
        }
        output().emit(map, HostText.cpuMap(map, pretty), HostText.cpuMapRow(map, pretty));
    }
}
