package org.lvsh.complete;

/** Completion of page sizes of the run's host (see {@link Candidates}). */
public final class PageSizeCandidates implements LiveCandidates {
    @Override
    public Kind kind() {
        return Kind.PAGE_SIZE;
    }
}
