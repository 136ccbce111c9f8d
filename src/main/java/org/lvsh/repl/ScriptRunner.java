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
 * Script mode: stdin is not a terminal, so commands are read a line at a time (';' and '#' as in virsh; a line
 * ending in a backslash continues on the next), with no prompt or banner. Every line runs; the exit status is
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
        StringBuilder pending = new StringBuilder();
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                pending.append(line);
                if (continues(line)) {
                    pending.append('\n');
                    continue;
                }
                int status = runLine(pending.toString(), out, err);
                pending.setLength(0);
                if (status != ExitStatus.OK) {
                    result = status;
                }
                if (dispatcher.context().exitRequested()) {
                    return result;
                }
            }
            if (pending.length() > 0) {
                int status = runLine(pending.toString(), out, err);
                result = status != ExitStatus.OK ? status : result;
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

    /** An odd number of trailing backslashes joins the next line, as in a shell. */
    private static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
