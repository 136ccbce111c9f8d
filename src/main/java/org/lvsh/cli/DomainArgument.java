package org.lvsh.cli;

import java.util.Set;
import org.lvsh.complete.DomainCandidates;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Domains;
import org.lvsh.libvirt.OpenDomain;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The DOMAIN argument every domain command shares: positional or --domain, a name, an id or a UUID. */
public final class DomainArgument {
    /**
     * On the mixin field of a command whose domain is optional (event): virsh's help then shows it as an optional
     * option, {@code [--domain <string>]}, where a required one is {@code <domain>}.
     */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.FIELD)
    public @interface Optional {
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "DOMAIN", description = "domain name, id or uuid",
            completionCandidates = DomainCandidates.class)
    String positional;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "domain name, id or uuid",
            completionCandidates = DomainCandidates.class)
    String option;

    /** The text given, checked as virsh checks it. */
    String text(String command) {
        String text = LvshCommand.either(positional, option, "--domain");
        if (text == null) {
            throw Failure.syntax("command '" + command + "' requires <domain> option");
        }
        if (text.isEmpty()) {
            throw Failure.usage("Failed to get option 'domain': Option argument is empty");
        }
        return text;
    }

    /** The text given, or null when the domain is optional and none was given (event --domain). */
    public String optionalText() {
        if (positional == null && option == null) {
            return null;
        }
        return text("event");
    }

    /** Looks the domain up in the ways the command allows; the caller closes it. */
    public OpenDomain open(Connection c, String command, Set<Domains.By> ways) {
        return Domains.lookup(c, scope == null ? text(command) : scope.domain(text(command)), ways);
    }

    /** The text as given, or null; checked when the command runs. */
    public String givenText() {
        String text = positional != null ? positional : option;
        return text == null || text.isEmpty() ? null : text;
    }

    private Context.HostScope scope;

    /** On one host of a set, HOST:DOMAIN for this host names DOMAIN. */
    void useScope(Context.HostScope hostScope) {
        scope = hostScope;
    }
}
