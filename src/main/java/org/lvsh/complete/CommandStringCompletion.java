package org.lvsh.complete;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.repl.CommandSplitter;

/**
 * Completion of a command string given to lvsh as one word ({@code lvsh 'nodeinfo; dominfo t<TAB>'}), read by the
 * parser that will run it: the words of the command at its end are completed as the shell completes a line, and
 * each candidate is the whole word again (what precedes the completed part kept as typed), since that one word is
 * what the user's shell replaces.
 */
final class CommandStringCompletion {
    private CommandStringCompletion() {
    }

    /** Whether {@code word}, as lvsh's only command word, is a command string rather than a command's name. */
    static boolean isCommandString(String word) {
        CommandSplitter.Scan scan = CommandSplitter.scan(word);
        return scan.words().size() > 1 || scan.commands() > 1 || endsBetweenWords(word, scan);
    }

    /** True when the text ends after a blank that no word holds: a new word begins there. */
    private static boolean endsBetweenWords(String text, CommandSplitter.Scan scan) {
        if (text.isEmpty()) {
            return false;
        }
        List<CommandSplitter.Word> words = scan.words();
        return words.isEmpty() ? text.isBlank() : words.get(words.size() - 1).end() < text.length();
    }

    /** @param shell the engine as the interactive shell uses it (one command's words, no run-wide options) */
    static List<CompletionEngine.Suggestion> complete(String line, CompletionEngine shell) {
        CommandSplitter.Scan scan = CommandSplitter.scan(line);
        int command = scan.commandAt(line, line.length());
        List<String> words = new ArrayList<>();
        CommandSplitter.Word current = null;
        for (CommandSplitter.Word w : scan.words()) {
            if (w.command() == command) {
                words.add(w.value());
                current = w;
            }
        }
        if (current == null || current.end() < line.length()) {
            words.add(""); // the line ends between words: a new, empty one
            current = new CommandSplitter.Word(command, line.length(), line.length(), "", (char) 0);
        }
        String before = line.substring(0, current.start());
        String typed = line.substring(current.start());
        List<CompletionEngine.Suggestion> out = new ArrayList<>();
        for (CompletionEngine.Suggestion s : shell.complete(words)) {
            out.add(new CompletionEngine.Suggestion(before + written(s.value(), current, typed, s.complete()),
                    s.description(), s.complete()));
        }
        return out;
    }

    /** A candidate as it must be typed in the string, quoted and escaped as that string's parser reads it. */
    private static String written(String value, CommandSplitter.Word current, String typed, boolean complete) {
        char opening = current.opening();
        if (typed.length() > 1 && typed.substring(opening == 0 ? 0 : 1).chars().anyMatch(c -> c == '\'' || c == '"')) {
            // quotes in mid-word: what is typed stays as typed; the rest of the value follows, escaped
            String rest = value.substring(Math.min(value.length(), current.value().length()));
            return typed + CommandSplitter.escapeCompletion(rest, (char) 0, complete);
        }
        return CommandSplitter.escapeCompletion(value, opening, complete);
    }
}
