package org.lvsh.cli.domain;

import java.util.EnumSet;
import org.lvsh.libvirt.Domains.By;
import org.lvsh.model.DomainRef;
import picocli.CommandLine.Command;

@Command(name = "domuuid", header = "convert a domain name or id to domain UUID")
public final class DomuuidCommand extends DomainRefCommand {
    public DomuuidCommand() {
        super(EnumSet.of(By.ID, By.NAME), DomainRef::uuid);
    }
}
