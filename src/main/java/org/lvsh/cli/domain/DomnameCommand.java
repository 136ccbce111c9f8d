package org.lvsh.cli.domain;

import java.util.EnumSet;
import org.lvsh.libvirt.Domains.By;
import org.lvsh.model.DomainRef;
import picocli.CommandLine.Command;

@Command(name = "domname", header = "convert a domain id or UUID to domain name")
public final class DomnameCommand extends DomainRefCommand {
    public DomnameCommand() {
        super(EnumSet.of(By.ID, By.UUID), DomainRef::name);
    }
}
