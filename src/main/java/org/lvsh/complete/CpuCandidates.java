package org.lvsh.complete;

import java.util.Iterator;

/** Completion candidates for the host's CPU numbers (nodecpustats --cpu). */
public final class CpuCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Candidates.cpus().iterator();
    }
}
