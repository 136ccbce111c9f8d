package org.lvsh.top;

import java.util.regex.Pattern;

/** A delay in seconds as top takes it: 3, 0.5, .25; at most a day. */
final class Delay {
    static final double MAX = 86400;
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{0,9})?|\\.\\d{1,9}");

    private Delay() {
    }

    /** The seconds, or null when the text is no such number. */
    static Double parse(String text) {
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            return null;
        }
        double v = Double.parseDouble(t);
        return v <= MAX ? v : null;
    }
}
