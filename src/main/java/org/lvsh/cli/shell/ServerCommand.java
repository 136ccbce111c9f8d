package org.lvsh.cli.shell;

import java.util.List;
import org.lvsh.cli.Failure;
import org.lvsh.cli.LvshCommand;
import org.lvsh.model.WarmStatus;
import org.lvsh.output.ServerText;
import org.lvsh.server.WarmClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "server", header = "show or stop lvsh's warm server",
        description = "lvsh runs one-shot commands, scripts and completion in a warm process of the user's (the "
                + "warm path), started on first use and gone after 10 idle minutes. 'status' shows whether it "
                + "is on and each server running; 'stop' ends them. LVSH_SERVER=0, or 'server = off' in "
                + "~/.config/lvsh/lvsh.conf, turns the warm path off.")
public final class ServerCommand extends LvshCommand {
    /** The actions, for completion. */
    public static final class Actions implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("status", "stop").iterator();
        }
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", completionCandidates = Actions.class,
            description = "status (the default) or stop")
    String action;

    @Override
    protected void run() {
        context.refuseWarmStart(); // whatever it shows or stops, this run leaves no server behind
        String a = action == null ? "status" : action;
        switch (a) {
            case "status" -> {
                WarmStatus s = WarmClient.status(context.environment());
                output().emit(s, ServerText.status(s));
            }
            case "stop" -> {
                List<Long> stopped = WarmClient.stopAll(context.environment());
                output().emit(new Stopped(stopped), ServerText.stopped(stopped));
            }
            default -> throw Failure.usage("unknown action '" + a + "': expected status or stop");
        }
    }

    /** lvsh server stop's record: the process ids of the servers stopped. */
    public record Stopped(List<Long> stopped) {
    }
}
