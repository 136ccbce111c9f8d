package org.lvsh.cli;

import java.io.PrintWriter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lvsh.output.Format;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs commands by name. Each command's CommandLine is built on first use and kept, so a one-shot run builds one
 * and a long shell session builds each once. Output follows virsh: a blank line after every command that ran
 * (none under -q or structured output), the timing block under -t.
 */
public final class Dispatcher {
    private final Context context;
    private final Map<String, CommandLine> built = new ConcurrentHashMap<>();
    private java.util.function.Consumer<Throwable> failures;

    public Dispatcher(Context context) {
        this.context = context;
    }

    public Context context() {
        return context;
    }

    /**
     * Failures go to {@code sink} instead of being printed: one host's dispatcher in a run over several, whose
     * failures the run reports with the host's name.
     */
    public void sendFailuresTo(java.util.function.Consumer<Throwable> sink) {
        failures = sink;
    }

    /** The last command's failure was a connection that would not open. */
    private boolean unopened;

    private int report(Throwable e, boolean json, PrintWriter err) {
        if (failures != null) {
            failures.accept(e);
            return ErrorReport.toFailure(e, inShell()).status();
        }
        unopened = e instanceof org.lvsh.libvirt.ConnectionFailure;
        return ErrorReport.report(e, json, err, context.diagnostics(), inShell());
    }

    /**
     * Runs a line of commands as virsh does: all are parsed first, and a parse error runs none of them.
     *
     * @return the status of the last command that failed, 0 if none did
     */
    public int runAll(List<List<String>> commands, PrintWriter out, PrintWriter err) {
        boolean ahead = context.mode() == Context.Mode.ONE_SHOT && !commands.isEmpty()
                && runsOnHosts(commands.get(0));
        if (ahead) {
            context.fleet().connectAhead(); // while the line is parsed, as one host's head start
        }
        for (List<String> words : commands) {
            int status = check(words, err);
            if (status != ExitStatus.OK) {
                return status;
            }
        }
        if (ahead) {
            context.fleet().commandLineAccepted();
        }
        int result = ExitStatus.OK;
        for (List<String> words : commands) {
            unopened = false;
            int status = runsOnHosts(words) ? runOnHosts(words, out, err) : run(words, out, err);
            if (status != ExitStatus.OK) {
                result = status;
            }
            if (unopened && !inShell() && !"connect".equals(words.get(0))) {
                context.requestExit(); // virsh connects once, before anything runs: it says why once, then stops
            }
            if (context.exitRequested() || Thread.currentThread().isInterrupted()) {
                break; // quit, or Ctrl-C in the shell: the rest of the line does not run
            }
        }
        return result;
    }

    /**
     * Parses without running; reports a syntax error and returns its status, or 0. A value that does not convert
     * is left for the run to report, as virsh finds it only when the command runs.
     */
    int check(List<String> words, PrintWriter err) {
        try {
            CommandLine cl = commandLine(words.get(0));
            cl.parseArgs(args(cl, words));
            return ExitStatus.OK;
        } catch (RuntimeException e) {
            if (ErrorReport.toFailure(e).commandRan()) {
                return ExitStatus.OK;
            }
            return report(e, jsonRequested(words), err);
        }
    }

    /** A command that talks to the hypervisor, in a run over a set of hosts: it runs on every host. */
    private boolean runsOnHosts(List<String> words) {
        if (context.fleet() == null) {
            return false;
        }
        CommandCatalog.Entry entry = context.catalog().find(words.get(0));
        return entry != null && entry.connected();
    }

    /** Runs a command on the run's hosts: parsed here once (its errors reported once), then run on each. */
    private int runOnHosts(List<String> words, PrintWriter out, PrintWriter err) {
        CommandLine cl;
        ParseResult parsed;
        LvshCommand command;
        try {
            cl = commandLine(words.get(0));
            parsed = cl.parseArgs(args(cl, words));
            command = cl.getCommand();
            if (parsed.isUsageHelpRequested()) {
                return run(words, out, err);
            }
            command.checkRunsOnHosts();
            if (command.streamsOnHosts()) {
                return run(words, out, err); // it reaches the hosts itself (context.fleet())
            }
        } catch (RuntimeException e) {
            return report(e, jsonRequested(words), err);
        }
        context.gate().beforeRun(context.catalog().find(cl.getCommandName()), command.opens());
        Format format = command.format();
        long start = System.nanoTime();
        org.lvsh.fleet.Fleet.Ran ran = context.fleet().run(words, command.domainText(), format, out, err);
        if (ran.status() == ExitStatus.CONNECT) {
            // no host could be reached: as with one connection, no blank line, and the rest of the line does not
            // run (each host was said once)
            unopened = true;
        } else if (ran.commandRan()) {
            trailer(out, err, format, command.quiet(), System.nanoTime() - start);
        }
        out.flush();
        return ran.status();
    }

    private boolean inShell() {
        return context.mode() == Context.Mode.SHELL;
    }

    /** Runs one command; returns its exit status. */
    public int run(List<String> words, PrintWriter out, PrintWriter err) {
        CommandLine cl;
        ParseResult parsed;
        try {
            cl = commandLine(words.get(0));
            cl.setOut(out);
            cl.setErr(err);
            parsed = cl.parseArgs(args(cl, words));
        } catch (RuntimeException e) {
            boolean json = jsonRequested(words);
            int status = report(e, json, err);
            if (ErrorReport.toFailure(e).commandRan()) {
                boolean quiet = context.settings().quiet() || words.contains("-q") || words.contains("--quiet");
                trailer(out, err, json ? Format.JSON : Format.TABLE, quiet, -1);
            }
            return status;
        }
        LvshCommand command = cl.getCommand();
        if (parsed.isUsageHelpRequested()) {
            HelpPrinter.command(context.catalog().find(cl.getCommandName()), cl.getCommandSpec(), out);
            trailer(out, err, Format.TABLE, command.quiet(), -1);
            return ExitStatus.OK;
        }
        context.gate().beforeRun(context.catalog().find(cl.getCommandName()), command.opens());
        Format format = Format.TABLE;
        long start = System.nanoTime();
        int status;
        boolean ran = true;
        try {
            format = command.format();
            command.call();
            status = ExitStatus.OK;
        } catch (RuntimeException e) {
            out.flush(); // whatever the command printed comes before its error
            status = report(e, format == Format.JSON, err);
            ran = ErrorReport.toFailure(e).commandRan();
        }
        long elapsed = System.nanoTime() - start;
        if (context.diagnostics().enabled(Diagnostics.INFO)) {
            // formatted only when asked for: a first %.3f loads the JDK's locale data, some 10-20 ms of a
            // one-shot run, paid again on every host's thread in a run over several
            context.diagnostics().log(Diagnostics.INFO, String.format(Locale.ROOT, "command %s: status %d, %.3f ms",
                    cl.getCommandName(), status, elapsed / 1e6));
        }
        if (command.printsTrailer() && ran) {
            trailer(out, err, format, command.quiet(), elapsed);
        } else {
            out.flush();
        }
        return status;
    }

    private void trailer(PrintWriter out, PrintWriter err, Format format, boolean quiet, long elapsedNanos) {
        if (context.settings().timing() && elapsedNanos >= 0) {
            String time = String.format(Locale.ROOT, "(Time: %.3f ms)", elapsedNanos / 1e6);
            if (format.structured()) {
                err.println(time); // stdout holds exactly one document
            } else {
                out.print("\n" + time + "\n\n");
            }
        } else if (!format.structured() && !quiet) {
            out.println();
        }
        out.flush();
        err.flush();
    }

    /** Drops the built commands: after the shell abandons a command, its objects belong to that thread. */
    public void forget() {
        built.clear();
    }

    /** A command's parser model, for completion; null for names lvsh does not know. */
    public CommandSpec spec(String name) {
        try {
            return commandLine(name).getCommandSpec();
        } catch (Failure e) {
            return null;
        }
    }

    private CommandLine commandLine(String name) {
        CommandLine cl = built.get(name);
        if (cl == null) {
            CommandCatalog.Entry entry = context.catalog().find(name);
            if (entry == null) {
                throw Failure.syntax("unknown command: '" + name + "'");
            }
            cl = build(entry, context);
            built.put(name, cl);
        }
        return cl;
    }

    /** One command's CommandLine, set up the same way everywhere (dispatch, help, completion, man page). */
    public static CommandLine build(CommandCatalog.Entry entry, Context context) {
        LvshCommand command;
        try {
            command = entry.type().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create command " + entry.name(), e);
        }
        command.attach(context);
        CommandLine cl = new CommandLine(command);
        cl.setCommandName(entry.name());
        cl.setExpandAtFiles(false); // "@name" is a domain name, not a file to read arguments from
        cl.setOverwrittenOptionsAllowed(false);
        // virsh gives an option the word after it whatever it looks like: --domain -web names the domain "-web"
        cl.setAllowOptionsAsOptionParameters(true);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        if (!(command instanceof org.lvsh.cli.shell.CompleteCommand)) {
            // ArgumentAssignment has read virsh's "--" already: a "--" left in the words is a value ("echo -- --")
            cl.setEndOfOptionsDelimiter("\u0000--");
        }
        cl.registerConverter(Integer.class, Dispatcher::strtol);
        cl.registerConverter(Integer.TYPE, Dispatcher::strtol);
        return cl;
    }

    /** virsh reads numbers with strtol: leading blanks and a sign are fine, anything after the digits is not. */
    private static Integer strtol(String text) {
        int i = 0;
        while (i < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return Integer.valueOf(text.substring(i)); // its NumberFormatException is the usage error
    }

    /** The words after the command, placed on its options as virsh places them. */
    private static String[] args(CommandLine cl, List<String> words) {
        return ArgumentAssignment.assign(cl.getCommandSpec(), words.subList(1, words.size()));
    }

    private boolean jsonRequested(List<String> words) {
        return context.settings().format() == Format.JSON || asksForJson(words.subList(1, words.size()));
    }

    /** Whether these words ask for JSON, so that an error found before they are parsed is JSON too. */
    public static boolean asksForJson(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--json") || w.equals("-ojson") || w.equals("--output=json")
                    || (w.equals("-o") || w.equals("--output")) && i + 1 < words.size()
                    && words.get(i + 1).equalsIgnoreCase("json")) {
                return true;
            }
        }
        return false;
    }
}
