package org.lvsh.robust;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.lvsh.repl.CommandSplitter;

/**
 * Hostile command lines for lvsh's front end, drawn from a fixed seed: real command and option names mixed with
 * garbage (Unicode with RTL, emoji and combining marks, NUL and other control characters, huge and negative
 * numbers, unbalanced quotes, backslashes, options without values, {@code --opt=}, 100 KB lines, runs of ';').
 *
 * <p>Every line is checked by {@link #safe} before it is handed out, and redrawn when it is not: the fuzz must
 * never reach the network (no URI but test:/// ones), never write files outside a temporary directory (-l), never
 * turn on -d (which legitimately prints stack traces) and never wait for an event that cannot come.
 */
final class Fuzz {
    /** Every command of lvsh's catalog. */
    static final List<String> COMMANDS = List.of("domid", "domname", "domuuid", "dominfo", "domstate", "domstats", "list",
            "event", "capabilities", "freecell", "freepages", "hostname", "maxvcpus", "nodecpumap",
            "nodecpustats", "nodeinfo", "nodememstats", "sysinfo", "uri", "version", "echo", "exit",
            "help", "quit", "connect", "complete");

    /** Options of the commands and the global ones (but -d/--debug and -l/--log: see {@link #safe}). */
    static final List<String> OPTIONS = List.of("--domain", "--reason", "--all", "--inactive", "--transient",
            "--persistent", "--with-snapshot", "--without-snapshot", "--with-checkpoint", "--without-checkpoint",
            "--state-running", "--state-paused", "--state-shutoff", "--state-other", "--autostart",
            "--no-autostart", "--with-managed-save", "--without-managed-save", "--uuid", "--name", "--id", "--table",
            "--managed-save", "--title", "--sort-by", "--columns", "--event", "--loop", "--timeout", "--list",
            "--timestamp", "--background", "--stop", "--xml", "--state", "--cpu-total", "--balloon", "--vcpu",
            "--block", "--list-active", "--list-inactive", "--list-paused", "--raw", "--enforce", "--backing", "--nowait", "--cellno", "--pagesize", "--daemon", "--command",
            "--readonly", "--json", "-o", "--output", "-q", "--quiet", "--no-headers", "-h", "--help", "-c",
            "--connect", "-r", "-t", "--timing", "-k", "--keepalive-interval", "-K", "--keepalive-count", "-v",
            "-V", "--version", "-", "--", "---", "--=", "-x", "--nosuch", "--ALL", "--Json");

    /** URIs the fuzz may use: the in-process test driver only, working or not. */
    static final List<String> SAFE_URIS = List.of("test:///default", "test:///no/such/node.xml",
            "test:///default?mode=x");

    static final List<String> VALUES = List.of("test", "1", "0", "-1", "2", "nosuch", "Test",
            "6695eb01-f6a4-8304-79aa-97f2502e193f", "6695eb01-f6a4-8304-79aa-97f2502e193", "json", "table", "yaml",
            "csv", "name", "JSON", "xml", "4", "4K", "2M", "1G", "2048KiB", "4KB", "0K", "-4K", "1.5M", "4 K",
            "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "18446744073709551615", "99999999999999999999999999999999", "4294967296",
            "4294967295K", "17179869184G", "9999999999E", "1e9", "0x10", "010", "+1", "-0", "1_000", "NaN",
            "Infinity", "\uFF11", "\u0661", "\u0967", "lifecycle", "reboot", "watchdog", "id", "uuid", "state",
            "name,id", ",", "name,,", "cpu_time", "memory", "''", "\"\"", "help", "connect", "list", "event");

    /** Pieces of hostile Unicode and control text. */
    static final List<String> UNICODE = List.of(
            "\u202Eevil\u202C", "\u05E9\u05DC\u05D5\u05DD", "\u0645\u0631\u062D\u0628\u0627", "\u200F\u200E",
            "\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDCBB", "\uD83C\uDDFA\uD83C\uDDF3", "\uD83D\uDC4D\uD83C\uDFFD",
            "e\u0301\u0308\u0327", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B",
            "\u0301", "\u200B", "\uFEFF", "\u2028", "\u2029", "\u0085", "\u00A0", "\u3000", "\uFFFD", "\uFFFF",
            "\u4F60\u597D", "\u0928\u092E\u0938\u094D\u0924\u0947", "\uFDFD", "\u1F600", "\uD800", "\uDFFF",
            "\u0000", "\u0001", "\u0007", "\u0008", "\u001B[2J", "\u001B]0;title\u0007", "\u001B[31m", "\u007F",
            "\u009B", "\u000B", "\u000C", "\u001F", "\u0004", "\u0003", "\u001A", "\u001C", "\u0011", "\u0013",
            "\u0016", "\u0018\u0005");

    private static final String ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-_.,+=@%^&*()[]{}<>|!?~`$ ";
    private static final String SPECIAL = "'\"\\;#\t";
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", " ", "  ", "\t", ";", " ; ", ";;;;",
            " ;;;;;;;;;;;; ", " \\ ", " # ");

    private static final Pattern SHORT_LOG_OR_DEBUG = Pattern.compile("^-[^-]*[ldLD]");

    private final Random random;
    private final String logPath;

    /** @param logDir where a generated -l FILE may point: nothing is ever written elsewhere */
    Fuzz(long seed, Path logDir) {
        this.random = new Random(seed);
        this.logPath = logDir.resolve("fuzz.log").toAbsolutePath().toString();
    }

    /** How a line will be read: decides what it may contain and what is safe. */
    enum Mode {
        /** Words handed to lvsh as separate arguments: anything but ':' goes, newlines too. */
        ARGS,
        /** One command string (one-shot argument) or one script line: no newline, no CR. */
        LINE,
        /** A line typed at the shell: like LINE, and no quit/exit. */
        SHELL
    }

    /** A random command line's words (one-shot with naive splitting). */
    List<String> words() {
        while (true) {
            List<String> words = rawWords(Mode.ARGS);
            if (safeCommand(words, Mode.ARGS)) {
                return words;
            }
        }
    }

    /** A random command string, for one-shot (one argument), script mode or the shell. */
    String line(Mode mode) {
        while (true) {
            String line = rawLine(mode);
            if (safeLine(line, mode)) {
                return line;
            }
        }
    }

    /** Lines for one script-mode run; safe also once trailing backslashes have joined lines. */
    List<String> script(int count) {
        while (true) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                lines.add(line(Mode.LINE));
            }
            if (safeScript(lines)) {
                return lines;
            }
        }
    }

    private String rawLine(Mode mode) {
        int kind = random.nextInt(100);
        if (kind < 3) {
            return huge(mode);
        }
        if (kind < 6) {
            return ";".repeat(1 + random.nextInt(2000));
        }
        List<String> words = rawWords(mode);
        StringBuilder b = new StringBuilder();
        if (random.nextInt(10) == 0) {
            b.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
        }
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                b.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            }
            b.append(words.get(i));
        }
        if (random.nextInt(8) == 0) {
            b.append(random.nextBoolean() ? "\\" : random.nextBoolean() ? "'" : "\"");
        }
        return b.toString();
    }

    /** A line of about 100 KB: one huge word, many words, or many commands. */
    private String huge(Mode mode) {
        int target = 100 * 1024;
        StringBuilder b = new StringBuilder(target + 200);
        switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                b.append(pick(List.of("dominfo ", "list --name ", "domstate ", "help ", "connect --name ", "")));
                while (b.length() < target) {
                    b.append(garbage(mode));
                }
            }
            case 8 -> { // thousands of commands on one line
                while (b.length() < target) {
                    b.append("list --all; ");
                }
            }
            case 9, 10, 11, 12 -> {
                b.append("freecell");
                while (b.length() < target) {
                    b.append(" --all");
                }
            }
            default -> {
                while (b.length() < target) {
                    b.append(random.nextBoolean() ? "\u202E\uD83D\uDE00e\u0301 " : "'\"\\ ");
                }
            }
        }
        return b.toString();
    }

    private List<String> rawWords(Mode mode) {
        List<String> words = new ArrayList<>();
        int n = random.nextInt(10);
        if (random.nextInt(10) < 8) {
            words.add(pick(COMMANDS));
        }
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(100);
            if (kind < 25) {
                words.add(pick(OPTIONS));
            } else if (kind < 35) {
                String option = pick(OPTIONS);
                words.add(option + "=" + (random.nextBoolean() ? "" : value(mode)));
            } else if (kind < 55) {
                words.add(value(mode));
            } else if (kind < 62) {
                words.add(pick(COMMANDS));
            } else if (kind < 65) {
                words.add(random.nextBoolean() ? "-c" : "--name");
                words.add(pick(SAFE_URIS));
            } else if (kind < 67) {
                words.add(random.nextBoolean() ? "-l" : "--log");
                words.add(logPath);
            } else if (kind < 68) {
                words.add("--log=" + logPath);
            } else {
                words.add(garbage(mode));
            }
        }
        return words;
    }

    private String value(Mode mode) {
        return random.nextInt(4) == 0 ? garbage(mode) : pick(VALUES);
    }

    /** A short word of junk. */
    private String garbage(Mode mode) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(100);
            if (kind < 40) {
                b.append(ASCII.charAt(random.nextInt(ASCII.length())));
            } else if (kind < 60) {
                b.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
            } else if (kind < 90) {
                b.append(pick(UNICODE));
            } else if (kind < 95) {
                b.append((char) random.nextInt(0x20));
            } else {
                b.append((char) (0x80 + random.nextInt(0x3000)));
            }
        }
        String s = b.toString();
        if (mode != Mode.ARGS) {
            s = s.replace('\n', '?').replace('\r', '?');
        }
        return s.replace(':', '.');
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Safety: what lvsh will see, word by word, after its own splitting.

    private boolean safeLine(String line, Mode mode) {
        if (mode == Mode.SHELL && continues(line)) {
            return false; // JLine would wait for a continuation line
        }
        List<List<String>> commands;
        try {
            commands = CommandSplitter.split(line);
        } catch (RuntimeException e) {
            return true; // refused before anything runs
        }
        for (List<String> words : commands) {
            if (!safeCommand(words, mode)) {
                return false;
            }
        }
        return true;
    }

    /** Script mode joins a line ending in an odd number of backslashes with the next: check the joined ones. */
    boolean safeScript(List<String> lines) {
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            pending.append(line);
            if (continues(line)) {
                pending.append('\n');
                continue;
            }
            if (!safeLine(pending.toString(), Mode.LINE)) {
                return false;
            }
            pending.setLength(0);
        }
        return pending.length() == 0 || safeLine(pending.toString(), Mode.LINE);
    }

    static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private boolean safeCommand(List<String> words, Mode mode) {
        boolean event = false;
        boolean list = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String value = w.startsWith("--") && w.contains("=") ? w.substring(w.indexOf('=') + 1) : w;
            if (value.indexOf(':') >= 0 && !SAFE_URIS.contains(value)) {
                return false; // a URI of some other driver could reach out of the machine or start a daemon
            }
            if (w.startsWith("--log") || w.startsWith("--debug")) {
                if (!(w.equals("--log") && i + 1 < words.size() && words.get(i + 1).equals(logPath)
                        || w.equals("--log=" + logPath))) {
                    return false;
                }
            } else if (SHORT_LOG_OR_DEBUG.matcher(w).find()) {
                if (!(w.equals("-l") && i + 1 < words.size() && words.get(i + 1).equals(logPath))) {
                    return false; // -l FILE writes FILE; -d makes stack traces legitimate
                }
            }
            event |= w.equals("event");
            list |= w.equals("--list");
            if (mode != Mode.ARGS && (w.equals("quit") || w.equals("exit"))) {
                return false;
            }
        }
        return !event || list; // event without --list waits for an event the test driver never sends
    }
}
