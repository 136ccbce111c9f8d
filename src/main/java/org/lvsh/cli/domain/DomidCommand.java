package org.lvsh.cli.domain;

import java.util.EnumSet;
import org.lvsh.libvirt.Domains.By;
import org.lvsh.output.DomainText;
import picocli.CommandLine.Command;

@Command(name = "domid", header = "convert a domain name or UUID to domain id")
public final class DomidCommand extends DomainRefCommand {
    public DomidCommand() {
        super(EnumSet.of(By.NAME, By.UUID), ref -> DomainText.idText(ref.id()));
    }
}
