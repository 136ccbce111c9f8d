package org.lvsh.cli;

import java.io.PrintWriter;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Session;
import org.lvsh.output.Format;
import org.lvsh.output.Output;

/** What a running command may use: the session, the run's settings, and how it was started. */
public final class Context {
    /** How lvsh was started; decides prompts, banners and what the exit status means. */
    public enum Mode { ONE_SHOT, SCRIPT, SHELL }

    private final Session session;
    private final Mode mode;
    private final CommandCatalog catalog;
    private Settings settings;
    private Diagnostics diagnostics;
    private volatile boolean exitRequested;
    private Runnable onConnectionChange = () -> { };
    private java.util.function.Consumer<String> printAbove;
    private final BackgroundWatches backgroundWatches = new BackgroundWatches();
    private java.util.function.Consumer<org.lvsh.output.Emitted> capture;
    private HostScope hostScope;
    private org.lvsh.fleet.Fleet fleet;

    /** The host a context works on within a run over several, and the names of all of them. */
    public record HostScope(String host, java.util.List<String> hosts) {
        /** The domain part of HOST:DOMAIN when HOST is this host; the text as given otherwise. */
        public String domain(String text) {
            String prefix = host + ":";
            return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        }
    }

    public Context(Session session, Settings settings, Mode mode, CommandCatalog catalog, Diagnostics diagnostics) {
        this.session = session;
        this.settings = settings;
        this.mode = mode;
        this.catalog = catalog;
        this.diagnostics = diagnostics;
    }

    public Session session() {
        return session;
    }

    public Connection connection() {
        return session.connection();
    }

    public Settings settings() {
        return settings;
    }

    public Mode mode() {
        return mode;
    }

    public CommandCatalog catalog() {
        return catalog;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** The format a command uses: its own -o/--json, else the global one, else virsh's text. */
    Format format(Format own) {
        return own != null ? own : settings.format() != null ? settings.format() : Format.TABLE;
    }

    Output output(OutputOptions own, PrintWriter out) {
        boolean quiet = own.quiet || settings.quiet();
        boolean headers = !quiet && !own.noHeaders && !settings.noHeaders();
        if (capture != null) {
            return Output.capturing(out, format(own.format()), quiet, headers, capture);
        }
        return new Output(out, format(own.format()), quiet, headers);
    }

    private org.lvsh.libvirt.CredentialPrompter shellPrompter;

    /** The shell's own prompter: sets of hosts chosen in the shell ask through it. */
    public void useShellPrompter(org.lvsh.libvirt.CredentialPrompter p) {
        shellPrompter = p;
        if (fleet != null) {
            fleet.usePrompter(p);
        }
    }

    private java.util.Map<String, String> environment = System.getenv();
    private java.nio.file.Path directory = java.nio.file.Paths.get("").toAbsolutePath();
    private PrintWriter runOut = new PrintWriter(System.out, true);
    private PrintWriter runErr = new PrintWriter(System.err, true);
    private CommandGate gate = CommandGate.OPEN;

    /** The environment of this run (its caller's, which on the warm path is not this process's). */
    public java.util.Map<String, String> environment() {
        return environment;
    }

    /**
     * Whom the run works for: its environment (where hosts.yaml is), its working directory (what relative paths
     * mean), where lines outside a command's own output go, and what must be settled before a command runs.
     */
    public void useCaller(java.util.Map<String, String> env, java.nio.file.Path cwd, PrintWriter out,
                          PrintWriter err, CommandGate commandGate) {
        environment = env;
        directory = cwd;
        runOut = out;
        runErr = err;
        gate = commandGate;
    }

    /** A path as the caller meant it: relative to their working directory. */
    public java.nio.file.Path resolve(String path) {
        return directory.resolve(path);
    }

    public CommandGate gate() {
        return gate;
    }

    /** connect -H: the run works on these hosts from now on (read-write unless asked). */
    public org.lvsh.fleet.Fleet connectHosts(String list, boolean readOnly) {
        java.util.List<org.lvsh.fleet.HostEntry> hosts =
                org.lvsh.fleet.HostDirectory.load(environment).resolve(list);
        Settings s = settings.withHosts(list, settings.uri(), readOnly);
        org.lvsh.fleet.Fleet f = new org.lvsh.fleet.Fleet(org.lvsh.fleet.Fleet.labelOf(list), hosts, s, mode,
                catalog, diagnostics, shellPrompter, runErr::println);
        settings = s;
        useFleet(f);
        return f;
    }

    /** connect URI after connect -H: back to one connection. */
    public void leaveHosts() {
        if (fleet != null) {
            settings = settings.withHosts(null, settings.uri(), settings.readOnly());
            useFleet(null);
        }
    }

    /** One host's context in a run over several: what its commands emit is kept for the run to render. */
    public void captureOutput(java.util.function.Consumer<org.lvsh.output.Emitted> sink) {
        capture = sink;
    }

    public void hostScope(HostScope scope) {
        hostScope = scope;
    }

    /** Null unless this context is one host's within a run over several. */
    public HostScope hostScope() {
        return hostScope;
    }

    private org.lvsh.complete.Candidates candidates;

    /** Live values for completion: this run's domains, cells, hosts. */
    public synchronized org.lvsh.complete.Candidates candidates() {
        if (candidates == null) {
            candidates = new org.lvsh.complete.Candidates(session,
                    () -> fleet == null ? null : fleet.openSessions(), environment);
        }
        return candidates;
    }

    /** The run's hosts when it works on a set (-H, connect -H); null for one connection. */
    public org.lvsh.fleet.Fleet fleet() {
        return fleet;
    }

    /** Changes the set of hosts (null: back to the session's connection); the previous set is closed. */
    public void useFleet(org.lvsh.fleet.Fleet newFleet) {
        org.lvsh.fleet.Fleet old = fleet;
        fleet = newFleet;
        if (candidates != null) {
            candidates.invalidate();
        }
        if (newFleet != null && shellPrompter != null) {
            newFleet.usePrompter(shellPrompter);
        }
        if (old != null && old != newFleet) {
            old.close();
        }
    }

    /** Options such as -c given after a command: honoured in one-shot mode before anything connects. */
    void apply(SessionOptions options, PrintWriter err) {
        if (!options.any()) {
            return;
        }
        if (hostScope != null || fleet != null) {
            throw Failure.usage("-c, -r, -t, -d, -l, -k and -K cannot follow a command that runs on a set of hosts (-H)");
        }
        if (mode != Mode.ONE_SHOT || session.peek() != null) {
            throw Failure.usage("-c, -r, -t, -d, -l, -k and -K apply to a whole lvsh run; "
                    + "give them before the command, or use 'connect' in the shell");
        }
        Settings amended = settings.with(options, err::println);
        if (options.debug != null || options.log != null) {
            diagnostics.close();
            diagnostics = new Diagnostics(amended.debug(), amended.log(), directory, runErr);
        }
        session.retarget(amended.uri(), amended.readOnly(), amended.keepalive());
        settings = amended;
    }

    private volatile boolean warmStartRefused;

    /** This run must leave no warm server behind it (lvsh server stop). */
    public void refuseWarmStart() {
        warmStartRefused = true;
    }

    public boolean warmStartRefused() {
        return warmStartRefused;
    }

    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    /** Lines that arrive while the user types (background events): above the shell's prompt, else stdout. */
    public void printAbove(String line) {
        java.util.function.Consumer<String> p = printAbove;
        if (p != null) {
            p.accept(line);
        } else {
            runOut.println(line);
            runOut.flush();
        }
    }

    public void usePrintAbove(java.util.function.Consumer<String> printer) {
        printAbove = printer;
    }

    private org.jline.terminal.Terminal terminal;

    /** The shell's terminal, for a command that takes the whole screen (top); null outside the shell. */
    public org.jline.terminal.Terminal terminal() {
        return terminal;
    }

    public void useTerminal(org.jline.terminal.Terminal t) {
        terminal = t;
    }

    public BackgroundWatches backgroundWatches() {
        return backgroundWatches;
    }

    /** The shell redraws its prompt when the connection changes. */
    public void onConnectionChange(Runnable listener) {
        onConnectionChange = listener;
    }

    public void connectionChanged() {
        backgroundWatches.stopAll(); // they watched the old connection
        onConnectionChange.run();
    }
}
