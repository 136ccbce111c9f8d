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
        return new Output(out, format(own.format()), quiet, !quiet && !own.noHeaders && !settings.noHeaders());
    }

    /** Options such as -c given after a command: honoured in one-shot mode before anything connects. */
    void apply(SessionOptions options) {
        if (!options.any()) {
            return;
        }
        if (mode != Mode.ONE_SHOT || session.peek() != null) {
            throw Failure.usage("-c, -r, -t, -d, -l, -k and -K apply to a whole lvsh run; "
                    + "give them before the command, or use 'connect' in the shell");
        }
        Settings amended = settings.with(options);
        if (options.debug != null || options.log != null) {
            diagnostics.close();
            diagnostics = new Diagnostics(amended.debug(), amended.log(), new PrintWriter(System.err, true));
        }
        session.retarget(amended.uri(), amended.readOnly(), amended.keepalive());
        settings = amended;
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
            System.out.println(line);
        }
    }

    public void usePrintAbove(java.util.function.Consumer<String> printer) {
        printAbove = printer;
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
