package org.lvsh.complete;

/** Completion of NUMA cell numbers of the run's host (see {@link Candidates}). */
public final class CellCandidates implements LiveCandidates {
    @Override
    public Kind kind() {
        return Kind.CELL;
    }
}
