package org.lvsh.complete;

import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for a DOMAIN argument: the live connection's domain names; running ids and UUIDs too
 * once the typed prefix could start one ({@link #complete(String)}).
 */
public final class DomainCandidates implements Iterable<String>, PrefixCandidates {
    @Override
    public Iterator<String> iterator() {
        return Candidates.domains("").iterator();
    }

    @Override
    public List<String> complete(String prefix) {
        return Candidates.domains(prefix);
    }
}
