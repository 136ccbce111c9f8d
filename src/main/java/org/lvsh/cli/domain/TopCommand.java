package org.lvsh.cli.domain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Context;
import org.lvsh.cli.ErrorReport;
import org.lvsh.cli.Failure;
import org.lvsh.cli.NumberWithUnit;
import org.lvsh.libvirt.Connection;
import org.lvsh.output.Format;
import org.lvsh.output.FormatNotAvailable;
import org.lvsh.output.TopColumn;
import org.lvsh.repl.Terminals;
import org.lvsh.top.Top;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * top: every domain of the connection, or of the set of hosts, with its CPU, memory, disk and network use, full
 * screen or in batch mode. Options as top's: -b, -n COUNT, -d SECONDS (after the command word -d is top's delay;
 * lvsh's own debug level keeps --debug there, and -d before the command).
 */
@Command(name = "top", header = "a live view of the domains' CPU, memory, disk and network use",
        description = {"Shows every domain of the connection (or of every host of the set, with -H), refreshed "
                + "every few seconds: a line per host (its CPU use, memory, domains, how old its figures are), then "
                + "a row per domain. Each refresh costs each host three libvirt calls, however many domains it has. "
                + "Keys as in top: P M N H T sort, d changes the delay, f the columns, o filters, q quits (h lists "
                + "them). With -b, or when the output is no terminal, samples are printed instead: text blocks as "
                + "top's, or with -o json one JSON object per domain and sample, with -o csv a CSV row."},
        modelTransformer = TopCommand.DelayIsDashD.class)
public final class TopCommand extends ConnectedCommand {
    @Option(names = "--batch", description = "batch mode (-b): print samples instead of the full-screen view")
    boolean batch;

    @Option(names = "--iterations", paramLabel = "COUNT", description = "take COUNT samples, then end (-n)")
    Integer count;

    @NumberWithUnit
    @Option(names = "--delay", paramLabel = "SECONDS",
            description = "seconds between samples (-d; default 3; fractions allowed)")
    String delay;

    @Option(names = "--sort", paramLabel = "FIELD", completionCandidates = TopColumn.Names.class,
            description = "sort by FIELD (cpu, mem, name, host, time...; default cpu)")
    String sort;

    @Option(names = "--fields", paramLabel = "LIST", completionCandidates = TopColumn.Names.class,
            description = "the columns to show, comma-separated (host, id, name, state, cpu, vcpus, mem, memsrc, "
                    + "mempct, rd, wr, rx, tx, time, uuid)")
    String fields;

    @Option(names = "--filter", paramLabel = "TEXT",
            description = "only domains whose name or host contains TEXT (host=TEXT, name=TEXT: only that)")
    String filter;

    @Option(names = "--wait", description = "wait for figures a busy domain's job holds (no NOWAIT): one stuck "
            + "domain then holds its host's whole sample")
    boolean wait;

    private boolean screenShown;

    /**
     * top's short options: -b, -n and -d. They are given to the options above once the model is built, because
     * -d is also the run-wide debug option every connected command takes: here, after "top", it is top's delay,
     * and the debug level keeps its long name (--debug).
     */
    public static final class DelayIsDashD implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec debug = spec.findOption("-d");
            if (debug != null) {
                OptionSpec longOnly = debug.toBuilder().names("--debug").build();
                for (CommandSpec mixin : spec.mixins().values()) {
                    if (mixin.options().contains(debug)) {
                        replace(mixin, debug, longOnly);
                    }
                }
                replace(spec, debug, longOnly);
            }
            rename(spec, "--delay", "-d");
            rename(spec, "--batch", "-b");
            rename(spec, "--iterations", "-n");
            return spec;
        }

        private static void rename(CommandSpec spec, String name, String shortName) {
            OptionSpec o = spec.findOption(name);
            replace(spec, o, o.toBuilder().names(shortName, name).build());
        }

        /** Swaps an option for another in place: the options after it are taken out and put back in order. */
        private static void replace(CommandSpec spec, OptionSpec old, OptionSpec now) {
            List<OptionSpec> tail = new ArrayList<>(spec.options().subList(spec.options().indexOf(old),
                    spec.options().size()));
            tail.forEach(spec::remove);
            for (OptionSpec o : tail) {
                spec.addOption(o == old ? now : o);
            }
        }
    }

    @Override
    protected boolean streamsOnHosts() {
        return true; // it samples every host itself, on and on
    }

    @Override
    protected void run() {
        screenShown = false; // the shell keeps the command object from one run to the next
        Double seconds = delay == null ? Double.valueOf(Top.DEFAULT_DELAY) : Top.delay(delay);
        if (seconds == null) {
            throw Failure.usage("Numeric value '" + delay + "' for <delay> option is malformed or out of range");
        }
        if (count != null && count < 1) {
            throw Failure.usage("Numeric value '" + count + "' for <iterations> option is malformed or out of range");
        }
        Top.Settings settings;
        try {
            settings = new Top.Settings(count, seconds, !wait, fields == null ? null : TopColumn.parse(fields),
                    sort == null ? TopColumn.CPU : TopColumn.of(sort), filter);
        } catch (FormatNotAvailable e) {
            throw Failure.usage(e.getMessage());
        }
        boolean screen = !batch && !format().structured() && hasTerminal();
        if (screen && seconds < Top.MIN_SCREEN_DELAY) {
            throw Failure.usage("the full-screen view refreshes at most every " + Top.MIN_SCREEN_DELAY
                    + " s; batch mode (-b) takes any delay");
        }
        Top top;
        if (context.fleet() != null) {
            top = Top.onHosts(context.fleet(), settings.nowait());
        } else {
            Connection c = connection(); // connected here: a host that cannot be reached is the usual error
            top = Top.onConnection(context.session(), c.uri(), settings.nowait());
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        boolean json = format() == Format.JSON;
        Top.Reporter reporter = (host, failure) -> ErrorReport.reportForHost(host, failure, json, err,
                context.diagnostics());
        int status;
        try (Interrupts interrupts = Interrupts.forCommandThread(context.mode())) {
            screenShown = screen;
            status = top.run(settings, output(), screen, context.terminal(), reporter);
        } catch (IOException e) {
            throw Failure.failed("cannot use the terminal: " + e.getMessage()); // as the shell says it
        }
        if (status != 0) {
            throw Failure.silent(status); // each host's failure has had its line
        }
    }

    /** The full-screen view needs a terminal: the shell's, or stdin and stdout of a one-shot run. */
    private boolean hasTerminal() {
        if (context.mode() == Context.Mode.SHELL) {
            return context.terminal() != null;
        }
        return context.mode() == Context.Mode.ONE_SHOT && Terminals.isTerminal(0) && Terminals.isTerminal(1);
    }

    @Override
    protected boolean printsTrailer() {
        return !screenShown; // the screen leaves nothing behind, not even virsh's blank line
    }
}
