package org.lvsh.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * The shell line as lvsh reads it, for JLine: the words completion sees are {@link CommandSplitter}'s, the same
 * that will run, and only those of the command the cursor is in ({@code nodeinfo; dominfo t<TAB>} completes a
 * domain). Completed values are escaped by the same syntax, so a domain named {@code semi;colon} stays one word.
 */
final class ShellLineParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && endsEscaped(line)) {
            // a backslash before Enter continues the line, as in a shell
            throw new EOFError(-1, cursor, "escaped new line", "newline");
        }
        CommandSplitter.Scan scan = CommandSplitter.scan(line);
        int command = scan.commandAt(line, cursor);
        List<String> words = new ArrayList<>();
        int wordIndex = -1;
        CommandSplitter.Word current = null;
        for (CommandSplitter.Word w : scan.words()) {
            if (w.command() != command) {
                continue;
            }
            if (current == null && w.start() <= cursor && cursor <= w.end() && cursor > w.start()) {
                current = w;
                wordIndex = words.size();
            } else if (current == null && w.start() >= cursor) {
                wordIndex = words.size();
                words.add(""); // the cursor stands between words: a new, empty one
                current = new CommandSplitter.Word(command, cursor, cursor, "", (char) 0);
            }
            words.add(w.value());
        }
        if (current == null) {
            wordIndex = words.size();
            words.add("");
            current = new CommandSplitter.Word(command, cursor, cursor, "", (char) 0);
        }
        String typed = line.substring(current.start(), Math.min(cursor, line.length()));
        int wordCursor = CommandSplitter.scan(typed).words().stream().findFirst().map(w -> w.value().length())
                .orElse(0);
        return new Line(line, cursor, words, wordIndex, wordCursor, current, cursor - current.start());
    }

    private static boolean endsEscaped(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** One command's words, the one under the cursor, and how a candidate is written into the line. */
    private record Line(String line, int cursor, List<String> words, int wordIndex, int wordCursor,
                        CommandSplitter.Word current, int rawWordCursor) implements CompletingParsedLine {
        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public int rawWordLength() {
            return current.end() - current.start();
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            String typed = line.substring(current.start(), Math.min(line.length(), cursor));
            char opening = current.opening();
            if (typed.length() > 1 && typed.substring(opening == 0 ? 0 : 1).chars()
                    .anyMatch(ch -> ch == '\'' || ch == '"')) {
                // quotes in mid-word: what is typed stays as typed; the rest of the value follows, escaped
                return typed + CommandSplitter.escapeCompletion(candidate.toString().substring(
                        Math.min(candidate.length(), wordCursor)), (char) 0, complete);
            }
            return CommandSplitter.escapeCompletion(candidate.toString(), opening, complete);
        }
    }
}
