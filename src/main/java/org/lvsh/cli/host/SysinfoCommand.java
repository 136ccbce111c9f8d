package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.model.Sysinfo;
import org.lvsh.model.XmlDocument;
import org.lvsh.output.HostView;
import org.lvsh.output.SysinfoText;
import org.lvsh.xml.SysinfoXml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sysinfo", header = "print the hypervisor sysinfo",
        description = {"The host's SMBIOS data (BIOS, system, base board, chassis, processors, memory devices, OEM",
                "strings), parsed. --xml prints libvirt's XML as virsh does."})
public final class SysinfoCommand extends ConnectedCommand {
    @Option(names = "--xml", description = "print libvirt's sysinfo XML, as virsh sysinfo does")
    boolean xml;

    @Override
    protected void run() {
        String text;
        try {
            text = Host.sysinfoXml(connection());
        } catch (LibvirtFailure e) {
            throw Failure.failed("failed to get sysinfo", e.error());
        }
        if (xml) {
            output().emit(new XmlDocument(text), out -> out.print(text), HostView.BLOCK); // as virsh: "%s"
            return;
        }
        Sysinfo info = SysinfoXml.parse(text);
        output().emit(info, out -> SysinfoText.render(info, out), HostView.BLOCK);
    }
}
