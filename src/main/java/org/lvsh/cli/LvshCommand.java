package org.lvsh.cli;

import java.util.concurrent.Callable;
import org.lvsh.output.Format;
import org.lvsh.output.Output;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command: output options, the context, and output through the command line's writer (so that
 * tests and the shell can capture it). A command reads its options, asks libvirt/ for a record and emits it.
 */
public abstract class LvshCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Mixin
    protected OutputOptions outputOptions = new OutputOptions();

    protected Context context;

    final void attach(Context context) {
        this.context = context;
    }

    @Override
    public final Integer call() {
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof DomainArgument d) {
                d.useScope(context.hostScope());
            }
        }
        prepare();
        run();
        return ExitStatus.OK;
    }

    /** Hook run before {@link #run()}: options that change the run's settings. */
    void prepare() {
    }

    protected abstract void run();

    /** virsh's blank line (or timing block) after the command; quit and complete print none. */
    protected boolean printsTrailer() {
        return true;
    }

    /** The domain argument given, as typed (HOST:DOMAIN included); null when the command takes none. */
    final String domainText() {
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof DomainArgument d) {
                return d.givenText();
            }
        }
        return null;
    }

    /**
     * A command that streams (event) runs once for the whole set of hosts and reaches every host itself,
     * printing as things happen, instead of running on each host and having the answers rendered together.
     */
    protected boolean streamsOnHosts() {
        return false;
    }

    /**
     * The URIs this invocation will open (null: libvirt's default), for the run's {@link CommandGate}; none by
     * default.
     */
    protected java.util.List<String> opens() {
        return java.util.List.of();
    }

    /** The URIs the run's hosts or its session will open, for commands that use whichever the run has. */
    protected final java.util.List<String> runOpens() {
        if (context.fleet() != null) {
            return context.fleet().hosts().stream().map(org.lvsh.fleet.HostEntry::uri).toList();
        }
        org.lvsh.libvirt.Session session = context.session();
        return session.peek() != null ? java.util.List.of()
                : java.util.Collections.singletonList(session.requestedUri());
    }

    /** What the command cannot do on a set of hosts is refused before it runs on any. */
    protected void checkRunsOnHosts() {
    }

    /** -q given to this command or to the run. */
    final boolean quiet() {
        return outputOptions.quiet || context.settings().quiet();
    }

    protected Output output() {
        return context.output(outputOptions, spec.commandLine().getOut());
    }

    /** The format this invocation asked for (or the global one): errors follow it too. */
    protected Format format() {
        return context.format(outputOptions.format());
    }

    /**
     * A value virsh lets the user give positionally or by name (freecell 0 / --cellno 0): whichever was given,
     * or null; both is virsh's "option --name already seen".
     */
    protected static <T> T either(T positional, T named, String optionName) {
        if (positional != null && named != null) {
            throw Failure.syntax("option " + optionName + " already seen");
        }
        return positional != null ? positional : named;
    }

    /** virsh-style usage checks at run time ("Options --all and --cellno are mutually exclusive"). */
    protected static void exclusive(boolean first, String firstName, boolean second, String secondName) {
        if (first && second) {
            throw Failure.usage("Options --" + firstName + " and --" + secondName + " are mutually exclusive");
        }
    }
}
