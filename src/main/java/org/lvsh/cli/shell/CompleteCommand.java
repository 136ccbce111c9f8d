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
        Dispatcher dispatcher = new Dispatcher(context);
        CompletionEngine engine = new CompletionEngine(context.catalog(), dispatcher::spec, globals.getCommandSpec(),
                context.candidates());
        StringBuilder out = new StringBuilder();
        for (CompletionEngine.Suggestion s : engine.complete(words)) {
            out.append(s.value()).append('\n');
        }
        spec.commandLine().getOut().print(out);
    }

    /** The connection the completed command line would use: its own -c/-r, else the run's. */
    private void retarget(CommandLine globals) {
        GlobalOptions options = globals.getCommand();
        globals.setStopAtPositional(true);
        globals.setExpandAtFiles(false);
        globals.setUnmatchedArgumentsAllowed(true);
        try {
            globals.parseArgs(words.subList(0, Math.max(0, words.size() - 1)).toArray(new String[0]));
            Settings s = Settings.from(options);
            if (options.uriGiven() || s.readOnly()) {
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
