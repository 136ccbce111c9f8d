package org.lvsh.complete;

/** Completion of CPU numbers of the run's host (see {@link Candidates}). */
public final class CpuCandidates implements LiveCandidates {
    @Override
    public Kind kind() {
        return Kind.CPU;
    }
}
