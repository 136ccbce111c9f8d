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
import org.lvsh.complete.Candidates;
import org.lvsh.libvirt.CredentialPrompter;
import org.lvsh.libvirt.EventLoop;
import org.lvsh.libvirt.Session;
import org.lvsh.repl.CommandSplitter;
import org.lvsh.repl.InteractiveShell;
import org.lvsh.repl.ScriptRunner;
import org.lvsh.repl.TtyPrompter;
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
    private final java.util.function.BooleanSupplier terminal;
    private final CredentialPrompter prompter;
    private final java.util.Map<String, String> env;

    /**
     * @param terminal whether stdin and stdout are a terminal (no command then means the interactive shell);
     *                 asked only when needed
     */
    public Lvsh(InputStream in, OutputStream out, PrintStream err, java.util.function.BooleanSupplier terminal) {
        this(in, out, err, terminal, new TtyPrompter());
    }

    /** @param prompter who asks for credentials outside the shell (the terminal, normally) */
    public Lvsh(InputStream in, OutputStream out, PrintStream err, java.util.function.BooleanSupplier terminal,
                CredentialPrompter prompter) {
        this(in, out, err, terminal, prompter, System.getenv());
    }

    /** @param env the environment this run reads its host names from (XDG_CONFIG_HOME, HOME) */
    public Lvsh(InputStream in, OutputStream out, PrintStream err, java.util.function.BooleanSupplier terminal,
                CredentialPrompter prompter, java.util.Map<String, String> env) {
        this.env = env;
        this.in = in;
        this.terminal = terminal;
        this.prompter = prompter;
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
        // A reader that stopped reading (| head) is no news to the user, as for virsh, which SIGPIPE ends quietly
        if (!"Broken pipe".equals(lost)) {
            err.println("error: cannot write output" + (lost == null || lost.isEmpty() ? "" : ": " + lost));
            err.flush();
        }
        return status == ExitStatus.OK ? ExitStatus.FAILED : status;
    }

    private int runChecked(String[] args) {
        HeadStart head = HeadStart.begin(args, prompter);
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
            settings = Settings.from(globals, env, err::println);
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
                : terminal.getAsBoolean() ? Context.Mode.SHELL : Context.Mode.SCRIPT;
        Diagnostics diagnostics;
        try {
            diagnostics = new Diagnostics(settings.debug(), settings.log(), err);
        } catch (RuntimeException e) {
            return ErrorReport.report(e, false, err, Diagnostics.silent(err));
        }
        // Completion runs under the user's shell at every TAB: it must never ask for a password, nor warn.
        boolean completing = !command.isEmpty() && command.get(0).equals("complete");
        CredentialPrompter asker = mode == Context.Mode.SHELL ? null
                : completing ? CredentialPrompter.NEVER : prompter;
        Session session = new Session(settings.uri(), settings.readOnly(), settings.keepalive(), asker);
        if (!completing) {
            session.useWarnings(err::println);
        }
        head.handOver(session);
        Context context = new Context(session, settings, mode, catalog, diagnostics);
        context.useEnvironment(env);
        if (settings.hosts() != null) {
            try {
                context.useFleet(fleetOf(settings, mode, catalog, diagnostics, asker));
            } catch (RuntimeException e) {
                session.close();
                diagnostics.close();
                return ErrorReport.report(e, settings.format() == org.lvsh.output.Format.JSON, err, diagnostics);
            }
        }
        Candidates.use(session);
        Candidates.useHosts(() -> context.fleet() == null ? null : context.fleet().openSessions());
        Dispatcher dispatcher = new Dispatcher(context);
        try {
            return switch (mode) {
                case ONE_SHOT -> oneShot(dispatcher, command);
                case SCRIPT -> new ScriptRunner(dispatcher).run(in, out, err);
                case SHELL -> new InteractiveShell(dispatcher, session).run();
            };
        } finally {
            context.useFleet(null);
            session.close();
            EventLoop.stop();
            diagnostics.close();
        }
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
        java.util.List<HostEntry> hosts = HostDirectory.load(env).resolve(settings.hosts());
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
