package org.lvsh.cli.shell;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.LvshCommand;
import org.lvsh.fleet.Fleet;
import org.lvsh.fleet.HostDirectory;
import org.lvsh.fleet.HostEntry;
import org.lvsh.model.HostStatus;
import org.lvsh.output.Table;
import picocli.CommandLine.Command;

/**
 * The hosts lvsh knows (hosts.yaml, libvirt's uri_aliases) and, for the current set (or the one connection),
 * how each answers now: state, libvirt version, domain count. Hosts of the set come first, in its order.
 */
@Command(name = "hosts", header = "the hosts lvsh knows and the state of the current set",
        description = "Lists the hosts of the current set (-H, connect -H) or the current connection, with their "
                + "state (connected, lost, unreachable), libvirt version and number of domains, then the other "
                + "hosts named in hosts.yaml and libvirt's uri_aliases.")
public final class HostsCommand extends LvshCommand {
    @Override
    protected java.util.List<String> opens() {
        return runOpens();
    }

    @Override
    protected void run() {
        Fleet fleet = context.fleet();
        List<HostStatus> rows = new ArrayList<>(fleet != null ? fleet.probe()
                : List.of(Fleet.probeSession(context.session())));
        List<String> inSet = rows.stream().map(HostStatus::name).toList();
        HostDirectory directory;
        try {
            directory = HostDirectory.load(context.environment());
            for (HostEntry h : directory.known()) {
                if (!inSet.contains(h.name())) {
                    rows.add(new HostStatus(h.name(), h.uri(), "-", null, null, null));
                }
            }
        } catch (RuntimeException e) {
            if (fleet == null) {
                throw e; // a bad hosts.yaml says so; with a set it was already read
            }
        }
        output().emit(rows, out -> {
            Table t = new Table("Name", "URI", "State", "Libvirt", "Domains");
            for (HostStatus h : rows) {
                t.row(h.name(), h.uri() == null ? "-" : h.uri(), h.state(),
                        h.libvirtVersion() == null ? "-" : h.libvirtVersion(),
                        h.domains() == null ? "-" : h.domains());
            }
            out.table(t);
        });
    }
}
