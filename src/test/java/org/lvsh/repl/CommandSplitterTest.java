package org.lvsh.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsh.cli.Failure;

/** virsh's command-string rules (tools/vsh.c vshCommandStringGetArg), case by case. */
class CommandSplitterTest {
    private static List<List<String>> split(String s) {
        return CommandSplitter.split(s);
    }

    @Test
    void wordsAndCommands() {
        assertEquals(List.of(List.of("list", "--all"), List.of("nodeinfo")), split("list --all; nodeinfo"));
        assertEquals(List.of(List.of("uri"), List.of("list", "--name")), split("uri\nlist --name"));
        assertEquals(List.of(List.of("domid", "Zed"), List.of("domid", "123")), split("domid Zed;;domid 123"));
        assertEquals(List.of(), split(";"));
        assertEquals(List.of(List.of("a", "b")), split("  a\tb  "));
    }

    @Test
    void comments() {
        assertEquals(List.of(), split("  # just a comment"));
        assertEquals(List.of(List.of("uri")), split("uri # c; list"));
        assertEquals(List.of(List.of("domid", "Zed#notcomment")), split("domid Zed#notcomment"));
        assertEquals(List.of(List.of("uri"), List.of("list")), split("uri # comment\nlist"));
    }

    @Test
    void quotes() {
        assertEquals(List.of(List.of("domid", "my vm")), split("domid \"my vm\""));
        assertEquals(List.of(List.of("domid", "my vm")), split("domid 'my vm'"));
        assertEquals(List.of(List.of("domid", "my vm")), split("domid my\\ vm"));
        assertEquals(List.of(List.of("domid", "my vm")), split("domid 'my vm"), "an open ' runs to the end");
        assertEquals(List.of(List.of("domid", "my\"vm")), split("domid \"my\\\"vm\""));
        assertEquals(List.of(List.of("domid", "a\\xb")), split("domid 'a\\xb'"));
        assertEquals(List.of(List.of("domid", "a\\xb")), split("domid a\\\\xb"));
        assertEquals(List.of(List.of("domname", "test")), split("domname \"te\"st"));
        assertEquals(List.of(List.of("domname", "test")), split("domname te''st"));
        assertEquals(List.of(List.of("domname", "te\\st")), split("domname 'te\\st'"));
        assertEquals(List.of(List.of("domname", "test")), split("domname \"t\\est\""));
        assertEquals(List.of(List.of("x", "")), split("x ''"));
        assertEquals(List.of(List.of("a;b")), split("'a;b'"));
    }

    @Test
    void backslashNewlineJoins() {
        assertEquals(List.of(List.of("uri", "--help")), split("uri \\\n --help"));
    }

    @Test
    void errors() {
        assertEquals("missing \"", assertThrows(Failure.class, () -> split("domid \"my vm")).getMessage());
        assertEquals("dangling \\", assertThrows(Failure.class, () -> split("domid my\\")).getMessage());
    }

    @Test
    void quoteRoundTrips() {
        for (String word : new String[] {"plain", "my vm", "it's", "a\"b", "a\\xb", "#x", "a;b", "", "日本語"}) {
            assertEquals(List.of(List.of("cmd", word)), split("cmd " + CommandSplitter.quote(word)), word);
        }
    }

    @Test
    void completionsAreEscapedForWhereTheWordStarted() {
        assertEquals("semi\\;colon", CommandSplitter.escapeCompletion("semi;colon", (char) 0, true));
        assertEquals("'it'\\''s'", CommandSplitter.escapeCompletion("it's", '\'', true));
        assertEquals("\"quo\\\"te", CommandSplitter.escapeCompletion("quo\"te", '"', false));
        for (String word : new String[] {"plain", "my vm", "it's", "a\"b", "a\\xb", "#x", "a;b", "tab\tx", "日本語"}) {
            for (char quote : new char[] {0, '\'', '"'}) {
                String typed = "cmd " + CommandSplitter.escapeCompletion(word, quote, true) + "; next";
                assertEquals(List.of(List.of("cmd", word), List.of("next")), split(typed), word + " " + quote);
            }
        }
    }
}
