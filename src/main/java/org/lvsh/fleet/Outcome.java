package org.lvsh.fleet;

import java.util.List;
import org.lvsh.output.Emitted;

/** How one host's part of a command ended: its status, what it emitted, its failure (null when it succeeded). */
record Outcome(Member member, int status, List<Emitted> emitted, Throwable failure, boolean timedOut) {
    boolean ok() {
        return failure == null && status == 0;
    }
}
