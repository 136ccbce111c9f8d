package org.lvsh.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * JLine's parser, with completions escaped by lvsh's own command syntax. JLine's escaping knows its own rules,
 * not virsh's: it left quotes and ';' bare, so completing a domain named {@code semi;colon} ran two commands.
 */
final class ShellLineParser extends DefaultParser {
    ShellLineParser() {
        setEofOnUnclosedQuote(false); // Enter runs the line; virsh's own rules judge the quotes
        setEofOnEscapedNewLine(true);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        ParsedLine parsed = super.parse(line, cursor, context);
        return parsed instanceof CompletingParsedLine c ? new Line(c) : parsed;
    }

    /** The parsed line as JLine made it, but for how a candidate is written into it. */
    private record Line(CompletingParsedLine jline) implements CompletingParsedLine {
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            int start = jline.cursor() - jline.rawWordCursor();
            String typed = jline.line().substring(start, Math.min(jline.line().length(),
                    start + jline.rawWordLength()));
            char opening = typed.isEmpty() ? 0 : typed.charAt(0);
            if (opening != '\'' && opening != '"') {
                opening = 0;
            }
            if (typed.substring(opening == 0 ? 0 : 1).chars().anyMatch(ch -> ch == '\'' || ch == '"')) {
                return jline.escape(candidate, complete); // quotes in mid-word: JLine's reading of them stands
            }
            return CommandSplitter.escapeCompletion(candidate.toString(), opening, complete);
        }

        @Override
        public int rawWordCursor() {
            return jline.rawWordCursor();
        }

        @Override
        public int rawWordLength() {
            return jline.rawWordLength();
        }

        @Override
        public String word() {
            return jline.word();
        }

        @Override
        public int wordCursor() {
            return jline.wordCursor();
        }

        @Override
        public int wordIndex() {
            return jline.wordIndex();
        }

        @Override
        public List<String> words() {
            return jline.words();
        }

        @Override
        public String line() {
            return jline.line();
        }

        @Override
        public int cursor() {
            return jline.cursor();
        }
    }
}
