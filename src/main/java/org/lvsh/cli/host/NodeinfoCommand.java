package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.model.NodeInfo;
import org.lvsh.output.HostText;
import picocli.CommandLine.Command;

@Command(name = "nodeinfo", header = "node information", description = "Returns basic information about the node.")
public final class NodeinfoCommand extends ConnectedCommand {
    @Override
    protected void run() {
        NodeInfo info;
        try {
            info = Host.nodeInfo(connection());
        } catch (LibvirtFailure e) {
            throw Failure.failed("failed to get node information", e.error());
        }
        output().emit(info, HostText.nodeInfo(info), HostText.nodeInfoRow(info));
    }
}
