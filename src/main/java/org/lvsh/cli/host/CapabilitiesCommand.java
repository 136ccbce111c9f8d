package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.model.Capabilities;
import org.lvsh.output.CapabilitiesText;
import org.lvsh.xml.CapabilitiesParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "capabilities", header = "capabilities", description = {"Returns capabilities of hypervisor/driver: host CPU, NUMA cells, security models, migration,",
                "and the guests it can run. --xml prints libvirt's XML as virsh does."})
public final class CapabilitiesCommand extends ConnectedCommand {
    @Option(names = "--xml", description = "print libvirt's capabilities XML, as virsh capabilities does")
    boolean xml;

    @Override
    protected void run() {
        String text;
        try {
            text = Host.capabilitiesXml(connection());
        } catch (LibvirtFailure e) {
            throw Failure.failed("failed to get capabilities", e.error());
        }
        if (xml) {
            // virsh prints the document and one more newline; structured formats hold it as one value
            output().emit(new org.lvsh.model.XmlDocument(text), out -> out.println(text));
            return;
        }
        Capabilities caps = CapabilitiesParser.parse(text);
        output().emit(caps, out -> CapabilitiesText.render(caps, out));
    }
}
