package org.lvsh.repl;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.Failure;

/**
 * virsh's command-string syntax: blanks separate words; ';' and newlines separate commands; '#' at the start of
 * a word comments out the rest of the line; single quotes are literal, double quotes allow backslash escapes,
 * a backslash outside quotes escapes the next character. An unterminated " or a trailing \ is an error;
 * an unterminated ' runs to the end, as in virsh.
 */
public final class CommandSplitter {
    private CommandSplitter() {
    }

    /** The commands of one string, each a list of words; empty commands are dropped. */
    public static List<List<String>> split(String text) {
        Scan scan = scan(text);
        if (scan.error() != null) {
            throw Failure.usage(scan.error());
        }
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int command = 0;
        for (Word w : scan.words()) {
            if (w.command() != command) {
                end(commands, words);
                words = new ArrayList<>();
                command = w.command();
            }
            words.add(w.value());
        }
        end(commands, words);
        return commands;
    }

    /**
     * One word as typed: the command it belongs to (0 for the first; each ';' or newline starts the next), where
     * it is in the text ([start, end)), its value once quotes and escapes are read, and the quote it opened with.
     */
    public record Word(int command, int start, int end, String value, char opening) {
    }

    /** The words of a text and the first syntax error (null if none); the completer reads half-typed lines too. */
    public record Scan(List<Word> words, String error, int commands) {
        /** The command that a cursor at {@code position} is in, counting separators before it. */
        public int commandAt(String text, int position) {
            int command = 0;
            for (Word w : words) {
                if (w.start() >= position) {
                    break;
                }
                command = w.command();
            }
            // separators between the last word before the cursor and the cursor
            int from = 0;
            for (Word w : words) {
                if (w.start() < position) {
                    from = Math.min(w.end(), position);
                }
            }
            for (int i = from; i < position && i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ';' || c == '\n') {
                    command++;
                } else if (c == '#') {
                    break;
                }
            }
            return command;
        }
    }

    /** The one reading of virsh's syntax: execution ({@link #split}) and completion both use it. */
    public static Scan scan(String text) {
        List<Word> words = new ArrayList<>();
        String error = null;
        int command = 0;
        int p = 0;
        int n = text.length();
        while (true) {
            while (p < n && (text.charAt(p) == ' ' || text.charAt(p) == '\t'
                    || text.charAt(p) == '\\' && p + 1 < n && text.charAt(p + 1) == '\n')) {
                p += text.charAt(p) == '\\' ? 2 : 1;
            }
            if (p >= n) {
                break;
            }
            char c = text.charAt(p);
            if (c == ';' || c == '\n') {
                p++;
                command++;
                continue;
            }
            if (c == '#') {
                while (p < n && text.charAt(p) != '\n') {
                    p++;
                }
                continue;
            }
            int start = p;
            char opening = c == '\'' || c == '"' ? c : 0;
            StringBuilder word = new StringBuilder();
            boolean single = false;
            boolean dbl = false;
            while (p < n) {
                c = text.charAt(p);
                if (!single && !dbl && (c == ' ' || c == '\t' || c == ';' || c == '\n')) {
                    break;
                }
                if (!dbl && c == '\'') {
                    single = !single;
                    p++;
                    continue;
                }
                if (!single && c == '\\') {
                    p++;
                    if (p >= n) {
                        error = error == null ? "dangling \\" : error;
                        break;
                    }
                    if (text.charAt(p) == '\n') {
                        p++;
                        continue;
                    }
                } else if (!single && c == '"') {
                    dbl = !dbl;
                    p++;
                    continue;
                }
                word.append(text.charAt(p++));
            }
            if (dbl) {
                error = error == null ? "missing \"" : error;
            }
            words.add(new Word(command, start, p, word.toString(), opening));
        }
        return new Scan(words, error, command + 1);
    }

    private static void end(List<List<String>> commands, List<String> words) {
        if (!words.isEmpty()) {
            commands.add(words);
        }
    }

    /**
     * A completed value as it must be typed after what the word already holds: inside an opening ' or " when the
     * word began with one (closed when {@code complete}), otherwise with a backslash before each character this
     * syntax would read specially, so that {@link #split} gives the value back unchanged.
     */
    public static String escapeCompletion(String value, char openingQuote, boolean complete) {
        StringBuilder out = new StringBuilder(value.length() + 4);
        if (openingQuote == '\'') {
            out.append('\'').append(value.replace("'", "'\\''"));
        } else if (openingQuote == '"') {
            out.append('"');
            for (char c : value.toCharArray()) {
                out.append(c == '"' || c == '\\' ? "\\" : "").append(c);
            }
        } else {
            for (char c : value.toCharArray()) {
                out.append(" \t\n;#'\"\\".indexOf(c) >= 0 ? "\\" : "").append(c);
            }
        }
        if (complete && openingQuote != 0) {
            out.append(openingQuote);
        }
        return out.toString();
    }

    /** Quotes a word so that {@link #split} gives it back unchanged (for completion and history). */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(ch -> " \t\n;#'\"\\".indexOf(ch) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
