package org.lvsh.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsh.support.Run;

/**
 * Error messages quote what the user typed ("failed to get domain 'x'", "unknown command: 'x'"). The contract
 * promises one clear line: a quoted newline must not split it, and a quoted escape sequence, carriage return or
 * NUL must not reach the terminal raw (it could clear the screen, retitle the window or hide the "error:"
 * prefix). XmlErrors cleans what it quotes from libvirt's XML; these are the user's own words (virsh quotes them
 * raw). The fuzz tests check the same on random input; these are the cases to read when one fails.
 */
class EchoedInputTest {
    private static final List<String> HOSTILE = List.of("a\nb", "a\u001B[2Jb", "a\rb", "a\u0000b", "a\u0007b",
            "a\u009B31mb", "a\u001B]0;owned\u0007b", "a\u0085b", "a\u0008\u0008\u0008b");

    @Test
    void quotedDomainNameStaysOneCleanLine() {
        for (String word : HOSTILE) {
            assertOneCleanErrorLine(Run.lvsh("-c", "test:///default", "dominfo", word), word);
        }
    }

    @Test
    void quotedUnknownCommandStaysOneCleanLine() {
        for (String word : HOSTILE) {
            assertOneCleanErrorLine(Run.lvsh("-c", "test:///default", word, "x"), word);
        }
    }

    @Test
    void quotedOptionValueStaysOneCleanLine() {
        for (String word : HOSTILE) {
            assertOneCleanErrorLine(Run.lvsh("-c", "test:///default", "list", "-o", word), word);
            assertOneCleanErrorLine(Run.lvsh("-c", "test:///default", "freecell", word), word);
        }
    }

    /**
     * A quoted newline comes from a command string (script mode reads each line alone, as virsh: a line does not
     * continue on the next).
     */
    @Test
    void commandStringQuotedNewline() {
        Run.Result r = Run.lvsh("-c", "test:///default", "dominfo 'a\nb'");
        assertEquals(1, r.status(), r.err());
        assertOneCleanErrorLine(r, "a\nb");
    }

    /** The JSON form escapes C0 control characters by nature: the reference for what is expected. */
    @Test
    void jsonErrorsAreAlreadyClean() {
        for (String word : HOSTILE) {
            Run.Result r = Run.lvsh("-c", "test:///default", "dominfo", "--json", word);
            assertEquals(1, r.status(), r.err());
            assertEquals(1, r.err().split("\n").length, Verdicts.printable(r.err()));
            assertFalse(r.err().chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x7f),
                    Verdicts.printable(r.err()));
        }
    }

    private static void assertOneCleanErrorLine(Run.Result r, String word) {
        String err = r.err();
        String shown = "input " + Verdicts.printable(word) + " gave stderr " + Verdicts.printable(err);
        assertTrue(r.status() == 1 || r.status() == 2, shown);
        assertTrue(err.endsWith("\n"), shown);
        String body = err.substring(0, err.length() - 1);
        assertTrue(body.startsWith("error: "), shown);
        assertFalse(body.contains("\n"), "one line: " + shown);
        assertFalse(body.chars().anyMatch(Character::isISOControl), "no raw control characters: " + shown);
    }
}
