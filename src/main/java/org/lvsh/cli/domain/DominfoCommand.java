package org.lvsh.cli.domain;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.DomainArgument;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Domains;
import org.lvsh.libvirt.OpenDomain;
import org.lvsh.model.DomainDetails;
import org.lvsh.output.DomainText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "dominfo", header = "domain information",
        description = "Returns basic information about the domain.")
public final class DominfoCommand extends ConnectedCommand {
    @Mixin
    DomainArgument domain;

    @Override
    protected void run() {
        Connection c = connection();
        DomainDetails details;
        try (OpenDomain d = domain.open(c, "dominfo", Domains.ANY)) {
            details = Domains.details(c, d);
        }
        output().emit(details, DomainText.details(details));
    }
}
