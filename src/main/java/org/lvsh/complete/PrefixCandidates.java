package org.lvsh.complete;

import java.util.List;

/** Candidates that depend on what was typed so far (the engine still filters them by prefix). */
public interface PrefixCandidates {
    List<String> complete(String prefix);
}
