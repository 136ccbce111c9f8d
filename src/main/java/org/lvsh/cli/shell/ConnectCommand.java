package org.lvsh.cli.shell;

import org.lvsh.cli.Failure;
import org.lvsh.cli.LvshCommand;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.Session;
import org.lvsh.model.ConnectionInfo;
import org.lvsh.output.HostText;
import org.lvsh.complete.UriCandidates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "connect", header = "(re)connect to hypervisor",
        description = "Connect to local hypervisor. This is built-in command after shell start up.")
public final class ConnectCommand extends LvshCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "hypervisor connection URI",
            completionCandidates = UriCandidates.class)
    String positional;

    @Option(names = "--name", paramLabel = "URI", description = "hypervisor connection URI",
            completionCandidates = UriCandidates.class)
    String name;

    @Option(names = "--readonly", description = "read-only connection")
    boolean readonly;

    @Option(names = {"-H", "--hosts"}, paramLabel = "LIST", completionCandidates = org.lvsh.complete.HostCandidates.class,
            description = "work on a set of hosts: names of hosts.yaml or libvirt's uri_aliases, @group, all, or URIs")
    String hosts;

    @Override
    protected java.util.List<String> opens() {
        if (hosts != null) {
            try {
                return org.lvsh.fleet.HostDirectory.load(context.environment()).resolve(hosts).stream()
                        .map(org.lvsh.fleet.HostEntry::uri).toList();
            } catch (RuntimeException e) {
                return java.util.List.of(); // the command itself says what is wrong with the list
            }
        }
        String uri = positional != null ? positional : name;
        return java.util.Collections.singletonList(uri != null ? uri : context.session().requestedUri());
    }

    @Override
    protected void run() {
        Session session = context.session();
        String uri = either(positional, name, "--name");
        if (hosts != null) {
            if (uri != null) {
                throw Failure.usage("-H and a URI are exclusive: give the hosts of a set, or one connection");
            }
            org.lvsh.fleet.Fleet fleet = context.connectHosts(hosts, readonly);
            context.connectionChanged();
            java.util.List<org.lvsh.model.HostStatus> rows = fleet.probe();
            output().emit(rows, out -> rows.forEach(h -> out.printf("%s: %s%s\n", h.name(),
                    h.state().equals("connected") ? "connected to " + h.uri() : h.state(),
                    h.error() == null ? "" : " (" + org.lvsh.output.DisplayWidth.oneLine(h.error()) + ")")));
            return;
        }
        context.leaveHosts();
        // As virsh: without a URI, reconnect to the same one and keep its read-only state unless asked.
        boolean ro = readonly || uri == null && session.readOnly();
        if (uri == null) {
            uri = session.requestedUri();
        }
        Connection c = session.reconnect(uri, ro, () -> !Thread.currentThread().isInterrupted());
        if (c == null) {
            throw Failure.failed("connection attempt abandoned");
        }
        context.connectionChanged();
        ConnectionInfo info = Host.connectionInfo(c);
        output().emit(info, HostText.connection(info));
    }
}
