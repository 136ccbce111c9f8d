package org.lvsh.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What completion sees is what will run: the words of the command under the cursor, as CommandSplitter reads them. */
class ShellLineParserTest {
    private static ParsedLine parse(String line) {
        return new ShellLineParser().parse(line, line.length(), ParseContext.COMPLETE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nodeinfo; dominfo t", "nodeinfo ; dominfo t", "nodeinfo;dominfo t", "uri\ndominfo t",
        "dominfo t", "  dominfo   t"})
    void theCommandUnderTheCursor(String line) {
        ParsedLine p = parse(line);
        assertEquals(List.of("dominfo", "t"), p.words());
        assertEquals(1, p.wordIndex());
        assertEquals("t", p.word());
        assertEquals(1, p.wordCursor());
    }

    @Test
    void aNewWordAfterBlanksAndAfterASeparator() {
        ParsedLine p = parse("list; ");
        assertEquals(List.of(""), p.words());
        assertEquals(0, p.wordIndex());
        ParsedLine q = parse("nodeinfo; dominfo ");
        assertEquals(List.of("dominfo", ""), q.words());
        assertEquals(1, q.wordIndex());
    }

    @Test
    void quotedWordsAreTheirValues() {
        ParsedLine p = parse("dominfo 'my v");
        assertEquals(List.of("dominfo", "my v"), p.words());
        assertEquals(4, p.wordCursor());
        assertEquals("'my vm'", ((CompletingParsedLine) p).escape("my vm", true).toString());
        ParsedLine q = parse("dominfo my\\ v");
        assertEquals("my v", q.word());
        assertEquals("my\\ vm", ((CompletingParsedLine) q).escape("my vm", true).toString());
    }

    @Test
    void aCursorInsideTheLine() {
        String line = "dominfo te; nodeinfo";
        ParsedLine p = new ShellLineParser().parse(line, 10, ParseContext.COMPLETE);
        assertEquals(List.of("dominfo", "te"), p.words());
        assertEquals("te", p.word());
    }

    @Test
    void completedValuesThatWouldSplitAreEscaped() {
        ParsedLine p = parse("dominfo se");
        assertEquals("semi\\;colon", ((CompletingParsedLine) p).escape("semi;colon", true).toString());
    }
}
