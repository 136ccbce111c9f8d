package org.lvsh.robust;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lvsh.support.Run;

/**
 * What every run of lvsh must look like, whatever it was fed: status 0-3, stderr only {@code error: ...} lines
 * (or their {@code --json} form), no Java stack trace, no libvirt printer, an error line for every failure.
 * Violations are collected by kind, so that one run shows every kind of problem with a few inputs for each.
 */
final class Verdicts {
    private static final int EXAMPLES = 3;
    private static final int SHOWN = 300;
    /** Timing goes to stderr under structured output (-t --json): it is not an error, and it is documented. */
    private static final Pattern TIMING = Pattern.compile("\\(Time: [0-9.]+ ms\\)");
    /** ErrorReport's fallback for an exception it does not know: "internal error: java.lang.Foo: ...". */
    private static final Pattern INTERNAL = Pattern.compile("internal error: [a-z]+(\\.[A-Za-z_$][\\w$]*)+(:|\\s|$)");

    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final boolean controlsAreViolations;
    private int runs;

    /**
     * @param controlsAreViolations whether an error line quoting raw control characters counts as a violation
     *     (the contract's "one clear line"; virsh itself quotes them raw)
     */
    Verdicts(boolean controlsAreViolations) {
        this.controlsAreViolations = controlsAreViolations;
    }

    int runs() {
        return runs;
    }

    /** Judges one run; {@code input} says how to reproduce it. */
    void judge(String input, Run.Result r) {
        runs++;
        if (r.status() < 0 || r.status() > 3) {
            add("exit status " + r.status() + " (not 0-3)", input, r);
        }
        String err = r.err();
        for (String marker : new String[] {"Exception", "java.lang.", "\tat ", "libvirt: "}) {
            if (err.contains(marker)) {
                add("stderr contains " + printable(marker), input, r);
            }
            if (!marker.equals("Exception") && r.out().contains(marker)) {
                add("stdout contains " + printable(marker), input, r);
            }
        }
        if (INTERNAL.matcher(err).find()) {
            add("stderr reports an internal error (a Java exception's name)", input, r);
        }
        boolean errorLine = false;
        String other = null;
        boolean controls = false;
        String previous = "";
        for (String line : err.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("error: ") || line.startsWith("{\"error\"")) {
                errorLine = true;
            } else if (!TIMING.matcher(line).matches() && other == null) {
                other = "[this line: " + line + " ] [after: " + previous + " ]";
            }
            controls |= line.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t');
            previous = line;
        }
        if (other != null) {
            add("stderr line that is not an error line", input, new Run.Result(r.status(), r.out(), other));
        }
        if (controls && controlsAreViolations) {
            add("error line carries raw control characters (ESC, CR, NUL, C1...) to the terminal", input, r);
        }
        if (r.status() != 0 && !errorLine) {
            add("failing status " + r.status() + " without an error line", input, r);
        }
    }

    void hang(String input) {
        runs++;
        add("no result within the time bound (hang)", input, new Run.Result(-1, "", ""));
    }

    void crash(String input, Throwable t) {
        runs++;
        add("Lvsh.run threw " + t.getClass().getName(), input, new Run.Result(-1, "", String.valueOf(t)));
    }

    private void add(String kind, String input, Run.Result r) {
        counts.merge(kind, 1, Integer::sum);
        List<String> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < EXAMPLES) {
            list.add("input " + shorten(input) + "\n        status " + r.status() + ", stderr "
                    + shorten(r.err()));
        }
    }

    boolean clean() {
        return counts.isEmpty();
    }

    String summary() {
        StringBuilder b = new StringBuilder();
        b.append(runs).append(" runs; ").append(counts.isEmpty() ? "no violations" : "violations:").append('\n');
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            b.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append(" runs, e.g.\n");
            for (String example : examples.get(e.getKey())) {
                b.append("      ").append(example).append('\n');
            }
        }
        return b.toString();
    }

    void assertClean() {
        if (!clean()) {
            fail(summary());
        }
    }

    /** Java-escaped and cut, so that a report is one readable line per input. */
    static String shorten(String s) {
        String p = printable(s.length() > SHOWN ? s.substring(0, SHOWN) : s);
        return "\"" + p + "\"" + (s.length() > SHOWN ? "...(" + s.length() + " chars)" : "");
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                b.append("\\\\");
            } else if (c == '"') {
                b.append("\\\"");
            } else if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return b.toString();
    }
}
