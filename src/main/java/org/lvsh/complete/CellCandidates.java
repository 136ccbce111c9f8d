package org.lvsh.complete;

import java.util.Iterator;

/** Completion candidates for NUMA cell numbers. */
public final class CellCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Candidates.cells().iterator();
    }
}
