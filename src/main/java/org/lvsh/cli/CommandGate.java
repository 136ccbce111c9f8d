package org.lvsh.cli;

import java.util.List;

/**
 * Asked before each command of a run starts, with what it will open. A run of its own lets everything through;
 * the warm path uses it to give a run back to its caller's own process while nothing has run yet (a command that
 * needs that process, a transport that asks on the caller's terminal).
 */
@FunctionalInterface
public interface CommandGate {
    CommandGate OPEN = (entry, uris) -> { };

    /**
     * @param uris the URIs the command will open: the run's (null for libvirt's default), its hosts', the one
     *             connect names; empty when it opens none
     */
    void beforeRun(CommandCatalog.Entry entry, List<String> uris);

    /** Asked before the interactive shell starts (it needs the caller's own terminal). */
    default void beforeShell() {
    }
}
