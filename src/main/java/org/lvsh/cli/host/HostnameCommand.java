package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.model.HostnameInfo;
import org.lvsh.output.HostText;
import picocli.CommandLine.Command;

@Command(name = "hostname", header = "print the hypervisor hostname")
public final class HostnameCommand extends ConnectedCommand {
    @Override
    protected void run() {
        String name;
        try {
            name = Host.hostname(connection());
        } catch (LibvirtFailure e) {
            throw Failure.failed("failed to get hostname", e.error());
        }
        output().emit(new HostnameInfo(name), HostText.line(name), HostText.valueRow("Hostname", name));
    }
}
