package org.lvsh;

import org.lvsh.fleet.Fleet;
import org.lvsh.fleet.HostDirectory;
import org.lvsh.fleet.HostEntry;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lvsh.cli.CommandCatalog;
import org.lvsh.cli.Context;
import org.lvsh.cli.Diagnostics;
import org.lvsh.cli.Dispatcher;
import org.lvsh.cli.ErrorReport;
import org.lvsh.cli.ExitStatus;
import org.lvsh.cli.Failure;
import org.lvsh.cli.GlobalOptions;
import org.lvsh.cli.LongVersion;
import org.lvsh.cli.LvshVersion;
import org.lvsh.cli.RootHelp;
import org.lvsh.cli.Settings;
import org.lvsh.libvirt.CredentialPrompter;
import org.lvsh.libvirt.Session;
import org.lvsh.repl.CommandSplitter;
import org.lvsh.repl.InteractiveShell;
import org.lvsh.repl.ScriptRunner;
import picocli.CommandLine;

/**
 * One run of lvsh: global options, then one of three modes over the same command tree: a command (or a
 * 'cmd; cmd' string) given as arguments, commands read from a non-terminal stdin, or the interactive shell.
 */
public final class Lvsh {
    static {
        // libvirt's strings are UTF-8 whatever the locale; JNA would otherwise use the locale's charset
        if (System.getProperty("jna.encoding") == null) {
            System.setProperty("jna.encoding", "UTF-8");
        }
    }

    private final InputStream in;
    private final org.lvsh.output.CheckedStream stdout;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Caller caller;
    /** The run's context once it has one: whether it may leave a warm server behind is asked after the run. */
    private volatile Context ran;

    /**
     * @param terminal whether stdin and stdout are a terminal (no command then means the interactive shell);
     *                 asked only when needed
     */
    public Lvsh(InputStream in, OutputStream out, PrintStream err, java.util.function.BooleanSupplier terminal) {
        this(in, out, err, Caller.ofProcess(terminal));
    }

    /** @param prompter who asks for credentials outside the shell (the terminal, normally) */
    public Lvsh(InputStream in, OutputStream out, PrintStream err, java.util.function.BooleanSupplier terminal,
                CredentialPrompter prompter) {
        this(in, out, err, Caller.ofProcess(terminal).withPrompter(prompter));
    }

    /** @param env the environment this run reads its host names from (XDG_CONFIG_HOME, HOME) */
    public Lvsh(InputStream in, OutputStream out, PrintStream err, java.util.function.BooleanSupplier terminal,
                CredentialPrompter prompter, java.util.Map<String, String> env) {
        this(in, out, err, Caller.ofProcess(terminal).withPrompter(prompter).withEnv(env));
    }

    /** A run for {@code caller}, reading {@code in} and writing {@code out} and {@code err}. */
    public Lvsh(InputStream in, OutputStream out, OutputStream err, Caller caller) {
        this.caller = caller;
        this.in = in;
        // UTF-8 whatever the locale: JSON and names must not turn into '?' under LANG=C.
        this.stdout = new org.lvsh.output.CheckedStream(out);
        this.out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
        this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    }

    public int run(String[] args) {
        int status;
        try {
            status = runChecked(args);
        } finally {
            out.flush();
            err.flush();
        }
        stdout.confirm();
        return outputWritten(status);
    }

    /**
     * Output that could not be written (a full disk, a closed pipe) is a failure a script must see: one error
     * line and status 1 (a run that failed already keeps its own status). A closed pipe is status 1 and no line.
     */
    private int outputWritten(int status) {
        boolean troubled = out.checkError();
        String lost = stdout.lost();
        if (!troubled && lost == null) {
            return status;
        }
        return statusAfterLostOutput(status, lost == null ? "" : lost, err);
    }

    /**
     * The status of a run whose output could not be written, and its one error line ({@code lost}: the system's
     * reason, or empty when unknown).
     */
    public static int statusAfterLostOutput(int status, String lost, PrintWriter err) {
        // A reader that stopped reading (| head) is no news to the user, as for virsh, which SIGPIPE ends quietly
        if (!"Broken pipe".equals(lost)) {
            err.println("error: cannot write output" + (lost.isEmpty() ? "" : ": " + lost));
            err.flush();
        }
        return status == ExitStatus.OK ? ExitStatus.FAILED : status;
    }

    private int runChecked(String[] args) {
        HeadStart head = caller.headStart() ? HeadStart.begin(args, caller.prompter(), caller.env())
                : HeadStart.none();
        try {
            return runWith(args, head);
        } finally {
            head.abandon();
        }
    }

    private int runWith(String[] args, HeadStart head) {
        GlobalOptions globals = new GlobalOptions();
        CommandLine root = new CommandLine(globals);
        root.setStopAtPositional(true);
        root.setExpandAtFiles(false);
        root.setOverwrittenOptionsAllowed(true); // virsh: the last -c wins (aliases that carry one rely on it)
        Settings settings;
        try {
            root.parseArgs(versionForms(args));
            settings = Settings.from(globals, caller.env(), err::println);
        } catch (RuntimeException e) {
            return ErrorReport.report(e, Dispatcher.asksForJson(List.of(args)), err, Diagnostics.silent(err));
        }
        CommandCatalog catalog = new CommandCatalog();
        if (globals.helpRequested()) {
            RootHelp.print(root.getCommandSpec(), catalog, out);
            return ExitStatus.OK;
        }
        if (globals.shortVersionRequested()) {
            out.println(LvshVersion.lvsh());
            return ExitStatus.OK;
        }
        if (globals.longVersionRequested()) {
            LongVersion.print(out);
            return ExitStatus.OK;
        }
        List<String> command = globals.command().stream().map(w -> w.equals(EMPTY_WORD) ? "" : w).toList();
        Context.Mode mode = !command.isEmpty() ? Context.Mode.ONE_SHOT
                : caller.terminal().getAsBoolean() ? Context.Mode.SHELL : Context.Mode.SCRIPT;
        if (mode == Context.Mode.SHELL) {
            caller.gate().beforeShell();
        }
        Diagnostics diagnostics;
        try {
            diagnostics = new Diagnostics(settings.debug(), settings.log(), caller.cwd(), err);
        } catch (RuntimeException e) {
            return ErrorReport.report(e, false, err, Diagnostics.silent(err));
        }
        // Completion runs under the user's shell at every TAB: it must never ask for a password, nor warn.
        boolean completing = !command.isEmpty() && command.get(0).equals("complete");
        CredentialPrompter asker = mode == Context.Mode.SHELL ? null
                : completing ? CredentialPrompter.NEVER : caller.prompter();
        Session session = new Session(settings.uri(), settings.readOnly(), settings.keepalive(), asker);
        if (mode != Context.Mode.ONE_SHOT) {
            session.watchForLoss(); // its connection lives on from command to command
        }
        if (!completing) {
            session.useWarnings(err::println);
        }
        head.handOver(session);
        Context context = new Context(session, settings, mode, catalog, diagnostics);
        ran = context;
        context.useCaller(caller.env(), caller.cwd(), out, err, caller.gate());
        if (settings.hosts() != null) {
            try {
                context.useFleet(fleetOf(settings, mode, catalog, diagnostics, asker));
            } catch (RuntimeException e) {
                session.close();
                diagnostics.close();
                return ErrorReport.report(e, settings.format() == org.lvsh.output.Format.JSON, err, diagnostics);
            }
        }
        Dispatcher dispatcher = new Dispatcher(context);
        try {
            return switch (mode) {
                case ONE_SHOT -> oneShot(dispatcher, command);
                case SCRIPT -> new ScriptRunner(dispatcher).run(in, out, err);
                case SHELL -> new InteractiveShell(dispatcher, session, err).run();
            };
        } finally {
            context.useFleet(null);
            session.close();
            diagnostics.close();
        }
    }

    /**
     * Whether the finished run was one the warm path serves (a command, a command string, a script), so that a run
     * of its own that found no warm server may leave one for the next.
     */
    public boolean leavesWarmServer() {
        Context c = ran;
        return c != null && c.mode() != Context.Mode.SHELL && !c.warmStartRefused();
    }

    /**
     * virsh's --version takes an optional value: --version=long is the long version (-V), any other value the
     * short one (-v). Bare --version stays lvsh's long version. An empty command word is kept (picocli would
     * drop a last empty argument), for virsh's "unknown command: ''".
     */
    private static String[] versionForms(String[] args) {
        String[] forms = args.clone();
        int i = 0;
        for (; i < forms.length && forms[i].startsWith("-") && forms[i].length() > 1; i++) {
            if (forms[i].equals("--")) {
                i++;
                break;
            }
            if (forms[i].startsWith("--version=")) {
                forms[i] = forms[i].equals("--version=long") ? "-V" : "-v";
            } else if (HeadStart.VALUE_OPTIONS.contains(forms[i])) {
                i++;
            }
        }
        if (i < forms.length && forms[i].isEmpty()) {
            forms[i] = EMPTY_WORD;
        }
        return forms;
    }

    /** Stands for an empty command word while picocli reads the line. */
    private static final String EMPTY_WORD = "\u0000";

    /** The hosts -H (or $LVSH_HOSTS) names, from hosts.yaml and libvirt's uri_aliases. */
    private Fleet fleetOf(Settings settings, Context.Mode mode, CommandCatalog catalog, Diagnostics diagnostics,
                          CredentialPrompter asker) {
        java.util.List<HostEntry> hosts = HostDirectory.load(caller.env()).resolve(settings.hosts());
        return new Fleet(Fleet.labelOf(settings.hosts()), hosts, settings, mode, catalog, diagnostics, asker,
                err::println);
    }

    /** One argument is a command string ('list --all; nodeinfo'), several are one command's words: as virsh. */
    private int oneShot(Dispatcher dispatcher, List<String> command) {
        List<List<String>> commands;
        try {
            if (command.size() == 1 && command.get(0).isEmpty()) {
                // virsh exits 1 on an empty command string, silently; lvsh says what it read, in virsh's words
                // for an empty command word
                throw Failure.failed("unknown command: ''");
            }
            commands = command.size() == 1 ? CommandSplitter.split(command.get(0)) : List.of(command);
        } catch (RuntimeException e) {
            return ErrorReport.report(e, false, err, dispatcher.context().diagnostics());
        }
        return dispatcher.runAll(commands, out, err);
    }
}
