package org.lvsh.complete;

/** Completion of host names for -H and connect -H (see {@link Candidates}). */
public final class HostCandidates implements LiveCandidates {
    @Override
    public Kind kind() {
        return Kind.HOST;
    }
}
