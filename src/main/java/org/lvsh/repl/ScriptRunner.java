package org.lvsh.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lvsh.cli.Dispatcher;
import org.lvsh.cli.ErrorReport;
import org.lvsh.cli.ExitStatus;

/**
 * Script mode: stdin is not a terminal, so commands are read a line at a time (';' and '#' as in virsh), with no
 * prompt or banner. Each line stands alone, as virsh reads it: one ending in a backslash is virsh's "dangling \"
 * and the next line runs on its own. Every line runs; the exit status is
 * that of the last command that failed.
 */
public final class ScriptRunner {
    private final Dispatcher dispatcher;

    public ScriptRunner(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public int run(InputStream in, PrintWriter out, PrintWriter err) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int result = ExitStatus.OK;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                int status = runLine(line, out, err);
                if (status != ExitStatus.OK) {
                    result = status;
                }
                if (dispatcher.context().exitRequested()) {
                    return result;
                }
            }
        } catch (IOException e) {
            err.println("error: cannot read commands from standard input: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        return result;
    }

    private int runLine(String line, PrintWriter out, PrintWriter err) {
        List<List<String>> commands;
        try {
            commands = CommandSplitter.split(line);
        } catch (RuntimeException e) {
            return ErrorReport.report(e, false, err, dispatcher.context().diagnostics());
        }
        return commands.isEmpty() ? ExitStatus.OK : dispatcher.runAll(commands, out, err);
    }
}
