package org.lvsh.server;

import java.util.List;
import java.util.Map;
import org.lvsh.cli.CommandCatalog;
import org.lvsh.cli.CommandGate;

/**
 * The warm path's gate: until a command starts, anything that needs the caller's own process sends the whole
 * run back there (nothing has run, so nothing runs twice); once one has started, the run stays here.
 */
final class WarmGate implements CommandGate {
    private final Map<String, String> env;
    private final int uid;
    private final Runnable onCommit;
    private volatile boolean committed;

    /** @param onCommit told once, when the first command is about to start */
    WarmGate(Map<String, String> env, int uid, Runnable onCommit) {
        this.env = env;
        this.uid = uid;
        this.onCommit = onCommit;
    }

    @Override
    public void beforeRun(CommandCatalog.Entry entry, List<String> uris) {
        if (committed) {
            return;
        }
        if (entry != null && entry.has(CommandCatalog.Fact.OWN_PROCESS)) {
            throw new HandBack(entry.name() + " runs in the caller's own process");
        }
        String why = OwnProcess.forUris(uris, env, uid);
        if (why != null) {
            throw new HandBack(why);
        }
        committed = true;
        onCommit.run();
    }

    @Override
    public void beforeShell() {
        throw new HandBack("the interactive shell runs in the caller's own process");
    }

    boolean committed() {
        return committed;
    }
}
