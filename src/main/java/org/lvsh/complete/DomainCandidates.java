package org.lvsh.complete;

/** Completion of a DOMAIN argument: the domains of the run's connection or hosts (see {@link Candidates}). */
public final class DomainCandidates implements LiveCandidates {
    @Override
    public Kind kind() {
        return Kind.DOMAIN;
    }
}
