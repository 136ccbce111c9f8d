package org.lvsh.cli.shell;

import org.lvsh.cli.LvshCommand;
import picocli.CommandLine.Command;

@Command(name = "quit", header = "quit this interactive terminal")
public final class QuitCommand extends LvshCommand {
    @Override
    protected void run() {
        context.requestExit();
    }

    @Override
    protected boolean printsTrailer() {
        return false;
    }
}
