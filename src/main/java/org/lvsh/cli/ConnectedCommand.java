package org.lvsh.cli;

import org.lvsh.libvirt.Connection;
import picocli.CommandLine.Mixin;

/** A command that talks to the hypervisor. It also accepts the run-wide options after its name (one-shot). */
public abstract class ConnectedCommand extends LvshCommand {
    @Mixin
    SessionOptions sessionOptions = new SessionOptions();

    @Override
    void prepare() {
        context.apply(sessionOptions, spec.commandLine().getErr());
    }

    @Override
    protected void checkRunsOnHosts() {
        if (sessionOptions.any()) {
            throw Failure.usage("-c, -r, -t, -d, -l, -k and -K cannot follow a command that runs on a set of "
                    + "hosts (-H)");
        }
    }

    @Override
    protected java.util.List<String> opens() {
        return sessionOptions.uri != null ? java.util.List.of(sessionOptions.uri) : runOpens();
    }

    protected Connection connection() {
        return context.connection();
    }
}
