package org.lvsh.output;

import java.util.List;

/**
 * How one host's answer joins the answers of other hosts in text (the run's renderer adds the host): rows of a
 * table that gets a Host column, lines that get a "HOST:" prefix (so they can be given back as HOST:DOMAIN), or
 * the single-host text printed as a block under a "Host:" line.
 */
public sealed interface HostView {
    /**
     * Rows under a header. {@code keys}, when not null, order the rows of all hosts together (--sort-by); the
     * Host column goes before column {@code hostColumn} (0: first).
     */
    record Rows(List<String> header, List<List<String>> rows, List<Comparable<Object>> keys, int hostColumn)
            implements HostView {
        /** A record of scalars: one row of a table with a row per host. */
        public static Rows single(List<String> header, List<String> values) {
            return new Rows(header, List.of(values), null, 0);
        }
    }

    /** Lines a script reads (list --name, --uuid): each gets its host as a prefix. */
    record Lines(List<String> lines) implements HostView {
    }

    /** The single-host text, printed under "Host: NAME". */
    record Block() implements HostView {
    }

    HostView BLOCK = new Block();
}
