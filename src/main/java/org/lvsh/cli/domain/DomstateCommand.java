package org.lvsh.cli.domain;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.DomainArgument;
import org.lvsh.libvirt.Domains;
import org.lvsh.libvirt.OpenDomain;
import org.lvsh.model.DomainStatus;
import org.lvsh.output.DomainText;
import org.lvsh.output.HostText;
import org.lvsh.output.HostView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "domstate", header = "domain state", description = "Returns state about a domain.")
public final class DomstateCommand extends ConnectedCommand {
    @Mixin
    DomainArgument domain;

    @Option(names = "--reason", description = "also print reason for the state")
    boolean reason;

    @Override
    protected void run() {
        DomainStatus status;
        try (OpenDomain d = domain.open(connection(), "domstate", Domains.ANY)) {
            status = Domains.status(d);
        }
        output().emit(status, DomainText.status(status, reason), reason
                ? HostView.Rows.single(java.util.List.of("State", "Reason"),
                        java.util.List.of(status.state().text(), status.reason()))
                : HostText.valueRow("State", status.state().text()));
    }
}
