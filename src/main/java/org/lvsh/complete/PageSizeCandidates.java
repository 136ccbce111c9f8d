package org.lvsh.complete;

import java.util.Iterator;

/** Completion candidates for page sizes. */
public final class PageSizeCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Candidates.pageSizes().iterator();
    }
}
