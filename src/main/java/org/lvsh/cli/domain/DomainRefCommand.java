package org.lvsh.cli.domain;

import java.util.Set;
import java.util.function.Function;
import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.DomainArgument;
import org.lvsh.libvirt.Domains;
import org.lvsh.libvirt.OpenDomain;
import org.lvsh.model.DomainRef;
import org.lvsh.output.HostText;
import picocli.CommandLine.Mixin;

/** domid, domname, domuuid: convert one name of a domain into another, each accepting what virsh accepts. */
abstract class DomainRefCommand extends ConnectedCommand {
    @Mixin
    DomainArgument domain;

    private final Set<Domains.By> ways;
    private final Function<DomainRef, String> shown;

    DomainRefCommand(Set<Domains.By> ways, Function<DomainRef, String> shown) {
        this.ways = ways;
        this.shown = shown;
    }

    /** The column a run over several hosts shows: what this command prints. */
    private String label() {
        return switch (spec.name()) {
            case "domid" -> "Id";
            case "domuuid" -> "UUID";
            default -> "Name";
        };
    }

    @Override
    protected void run() {
        DomainRef ref;
        try (OpenDomain d = domain.open(connection(), spec.name(), ways)) {
            ref = new DomainRef(Domains.id(d), Domains.name(d), Domains.uuid(d));
        }
        String value = shown.apply(ref);
        output().emit(ref, HostText.line(value), HostText.valueRow(label(), value));
    }
}
