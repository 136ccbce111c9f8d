package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.model.MaxVcpus;
import org.lvsh.output.HostText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "maxvcpus", header = "connection vcpu maximum",
        description = "Show maximum number of virtual CPUs for guests on this connection.")
public final class MaxvcpusCommand extends ConnectedCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", description = "domain type")
    String typePositional;

    @Option(names = "--type", paramLabel = "TYPE", description = "domain type")
    String typeOption;

    @Override
    protected void run() {
        String type = either(typePositional, typeOption, "--type");
        MaxVcpus max;
        try {
            max = Host.maxVcpus(connection(), type);
        } catch (LibvirtFailure e) {
            throw new Failure(org.lvsh.cli.ExitStatus.FAILED, e.error().message(), e.error());
        }
        output().emit(max, HostText.line(Integer.toString(max.maxVcpus())),
                HostText.valueRow("Max vCPUs", Integer.toString(max.maxVcpus())));
    }
}
