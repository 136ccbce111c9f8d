package org.lvsh.complete;

import java.util.Collections;
import java.util.Iterator;

/**
 * Completion values that only a run knows (its live connection, its hosts.yaml), declared on the picocli model
 * by kind. picocli builds these classes itself, with no run at hand, so they carry no values: the completion
 * engine asks the run's {@link Candidates} for them.
 */
public interface LiveCandidates extends Iterable<String> {
    /** What a completed argument names. */
    enum Kind { DOMAIN, CELL, CPU, PAGE_SIZE, HOST }

    Kind kind();

    @Override
    default Iterator<String> iterator() {
        return Collections.emptyIterator();
    }
}
