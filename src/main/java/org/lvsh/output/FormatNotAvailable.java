package org.lvsh.output;

/** The chosen output format cannot show this command's result (CSV of nested data, names of a host). */
public final class FormatNotAvailable extends RuntimeException {
    public FormatNotAvailable(String message) {
        super(message, null, false, false);
    }
}
