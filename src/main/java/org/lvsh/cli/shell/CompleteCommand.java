package org.lvsh.cli.shell;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.LvshCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Serves shell completion scripts: prints the candidates for the last word, one a line. */
@Command(name = "complete", header = "complete a command line (used by shell completion scripts)")
public final class CompleteCommand extends LvshCommand {
    @Parameters(arity = "0..*", paramLabel = "WORDS")
    List<String> words = new ArrayList<>();

    @Override
    protected void run() {
    }
}
