package org.lvsh.output;

import java.util.List;
import org.lvsh.model.WarmStatus;

/** lvsh server's text: labels in virsh's key/value layout. */
public final class ServerText {
    private ServerText() {
    }

    public static Output.TextView status(WarmStatus s) {
        return out -> {
            out.printf("%-15s %s\n", "Warm path:", s.enabled() ? "on" : "off");
            if (s.problem() != null) {
                out.printf("%-15s %s\n", "Reason:", s.problem());
            }
            if (s.directory() != null) {
                out.printf("%-15s %s\n", "Directory:", s.directory());
            }
            out.printf("%-15s %d\n", "Servers:", s.servers().size());
            for (WarmStatus.Server v : s.servers()) {
                out.println("");
                out.printf("%-15s %d\n", "Pid:", v.pid());
                out.printf("%-15s %s\n", "Socket:", v.socket());
                out.printf("%-15s %s\n", "Started:", v.started());
                out.printf("%-15s %d\n", "Served:", v.served());
                out.printf("%-15s %d\n", "Running:", v.running());
                out.printf("%-15s %d MiB of %d MiB\n", "Heap:", v.heapUsedKib() / 1024, v.heapMaxKib() / 1024);
                out.printf("%-15s %d s\n", "Idle timeout:", v.idleSeconds());
            }
        };
    }

    public static Output.TextView stopped(List<Long> pids) {
        return out -> {
            if (pids.isEmpty()) {
                out.println("No lvsh server is running");
            }
            for (long pid : pids) {
                out.println("Stopped the lvsh server (pid " + pid + ")");
            }
        };
    }
}
