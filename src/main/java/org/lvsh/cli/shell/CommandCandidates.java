package org.lvsh.cli.shell;

import java.util.Iterator;
import java.util.List;
import org.lvsh.cli.CommandCatalog;

/** Completion candidates for help: command names. */
public final class CommandCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return new CommandCatalog().visible().stream().map(CommandCatalog.Entry::name).toList().iterator();
    }
}
