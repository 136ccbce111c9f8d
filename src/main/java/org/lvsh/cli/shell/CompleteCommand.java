package org.lvsh.cli.shell;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.Dispatcher;
import org.lvsh.cli.GlobalOptions;
import org.lvsh.cli.LvshCommand;
import org.lvsh.cli.Settings;
import org.lvsh.complete.CompletionEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Serves the bash, zsh and fish completion scripts, as virsh's hidden complete command does: given the words of
 * an lvsh command line after "lvsh" (the last one partial), prints the candidates one a line. Uses the same
 * engine as the shell; connects with the -c/-r found in the words, never prompts, and prints nothing on errors.
 */
@Command(name = "complete", hidden = true, header = "complete an lvsh command line (for shell completion)")
public final class CompleteCommand extends LvshCommand {
    @Parameters(arity = "0..*", paramLabel = "WORDS")
    List<String> words = new ArrayList<>();

    @Override
    protected void run() {
        CommandLine globals = new CommandLine(new GlobalOptions());
        retarget(globals);
        context.candidates().connectOnDemand();
        org.lvsh.fleet.Fleet fleet = context.fleet();
        if (fleet != null && completesAnArgument()) {
            // HOST:DOMAIN from every host that answers within the patience a single host gets
            fleet.connectWithin(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(HOSTS_PATIENCE_MILLIS));
        }
        Dispatcher dispatcher = new Dispatcher(context);
        CompletionEngine engine = new CompletionEngine(context.catalog(), dispatcher::spec, globals.getCommandSpec(),
                context.candidates());
        StringBuilder out = new StringBuilder();
        for (CompletionEngine.Suggestion s : engine.complete(words)) {
            out.append(s.value()).append('\n');
        }
        spec.commandLine().getOut().print(out);
    }

    /** How long completion waits for the hosts of a set to connect (late ones are skipped this time). */
    private static final long HOSTS_PATIENCE_MILLIS = 700;

    /** Whether the word being completed comes after a command's name (it may then be a domain of the hosts). */
    private boolean completesAnArgument() {
        int i = 0;
        while (i < words.size() - 1 && words.get(i).startsWith("-") && words.get(i).length() > 1) {
            i += GlobalOptions.takesValue(words.get(i)) ? 2 : 1;
        }
        return i < words.size() - 1;
    }

    /** The connection the completed command line would use: its own -c/-r or -H, else the run's. */
    private void retarget(CommandLine globals) {
        GlobalOptions options = globals.getCommand();
        globals.setStopAtPositional(true);
        globals.setExpandAtFiles(false);
        globals.setUnmatchedArgumentsAllowed(true);
        try {
            globals.parseArgs(words.subList(0, Math.max(0, words.size() - 1)).toArray(new String[0]));
            Settings s = Settings.from(options, context.environment(), warning -> { });
            if (s.hosts() != null && !s.hosts().equals(context.settings().hosts())) {
                context.connectHosts(s.hosts(), s.readOnly()); // the words' own -H: never prompts here
            } else if (options.uriGiven() || s.readOnly()) {
                if (options.uriGiven()) {
                    context.leaveHosts(); // the words name one connection: not the run's set
                }
                context.session().retarget(s.uri(), s.readOnly(), context.settings().keepalive());
            }
        } catch (RuntimeException e) {
            // a half-typed command line: complete with the run's own connection
        }
    }

    @Override
    protected boolean printsTrailer() {
        return false;
    }
}
