package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lvsh.support.Run;

/**
 * Drives bash's programmable completion as readline does on TAB: sources the script in a bare bash, sets
 * COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT for a command line (cursor at its end), calls the function
 * that {@code complete -p lvsh} names, and returns COMPREPLY.
 */
final class BashCompletion {
    /** The default COMP_WORDBREAKS, without the whitespace and quotes that bash handles as such. */
    private static final String BREAKS = "@><=;|&(:";

    private static final String DRIVER = """
            source "$1" || exit 90
            spec=$(complete -p lvsh) || exit 91
            fn=${spec##*-F }; fn=${fn%% *}
            COMP_LINE=$2 COMP_POINT=$3 COMP_CWORD=$4 COMP_TYPE=9 COMP_KEY=9
            COMP_WORDS=("${@:5}")
            "$fn" lvsh "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            (( ${#COMPREPLY[@]} )) && printf '%s\\0' "${COMPREPLY[@]}"
            exit 0
            """;

    private final Path script;
    private final Map<String, String> env;

    BashCompletion(Path script, Map<String, String> env) {
        this.script = script;
        this.env = env;
    }

    /** COMPREPLY for TAB at the end of {@code line}. */
    List<String> complete(String line) {
        return run(line).reply();
    }

    /** What completing {@code line} printed and replied. */
    Outcome run(String line) {
        String bash = Tools.require("bash");
        List<String> words = compWords(line);
        List<String> command = new ArrayList<>(List.of(bash, "--norc", "--noprofile", "-c", DRIVER, "bash",
                script.toString(), line, Integer.toString(line.getBytes(StandardCharsets.UTF_8).length),
                Integer.toString(words.size() - 1)));
        command.addAll(words);
        Run.Result r = Run.process(command, "", new HashMap<>(env));
        assertEquals(0, r.status(), "the completion driver failed: " + r.err());
        List<String> reply = r.out().isEmpty() ? List.of()
                : List.of(r.out().substring(0, r.out().length() - 1).split("\0", -1));
        return new Outcome(reply, r.err());
    }

    /** COMPREPLY, and what the completion printed on stderr (nothing, ever). */
    record Outcome(List<String> reply, String err) {
    }

    /**
     * COMP_WORDS as bash makes them: words split at unquoted blanks, and each run of COMP_WORDBREAKS characters
     * outside quotes a word of its own ("--domain=x" is "--domain", "=", "x").
     */
    static List<String> compWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inBreaks = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == ' ' || c == '\t') {
                flush(words, word);
                inBreaks = false;
            } else if (c == '\\' && i + 1 < line.length()) {
                if (inBreaks) {
                    flush(words, word);
                    inBreaks = false;
                }
                word.append(c).append(line.charAt(++i));
            } else if (BREAKS.indexOf(c) >= 0) {
                if (!inBreaks) {
                    flush(words, word);
                }
                word.append(c);
                inBreaks = true;
            } else {
                if (inBreaks) {
                    flush(words, word);
                    inBreaks = false;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                }
                word.append(c);
            }
        }
        words.add(word.toString()); // the word being completed, possibly empty
        return words;
    }

    private static void flush(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
