package org.lvsh.repl;

import org.lvsh.cli.Dispatcher;
import org.lvsh.libvirt.Session;

/** The interactive shell (JLine). */
public final class InteractiveShell {
    private final Dispatcher dispatcher;
    private final Session session;

    public InteractiveShell(Dispatcher dispatcher, Session session) {
        this.dispatcher = dispatcher;
        this.session = session;
    }

    public int run() {
        return 0;
    }
}
