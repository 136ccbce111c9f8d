package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.LibvirtFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "capabilities", header = "capabilities", description = "Returns capabilities of hypervisor/driver.")
public final class CapabilitiesCommand extends ConnectedCommand {
    @Option(names = "--xml", description = "print libvirt's capabilities XML as it is")
    boolean xml;

    @Override
    protected void run() {
        String text;
        try {
            text = Host.capabilitiesXml(connection());
        } catch (LibvirtFailure e) {
            throw Failure.failed("failed to get capabilities", e.error());
        }
        output().emit(text, out -> out.println(text));
    }
}
