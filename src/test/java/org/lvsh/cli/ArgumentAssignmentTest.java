package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsh.support.NodeXml;
import org.lvsh.support.NodeXml.State;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/**
 * Words after the command go where virsh puts them (issue 16, items 8-10): a bare word fills the next
 * positional-capable option not given yet, run-wide short options count only as whole words, and words that fit
 * nowhere are virsh's "unexpected data". Each case is checked against virsh on the same URI.
 */
class ArgumentAssignmentTest {
    private static final String URI = "test:///default";

    @TempDir
    static Path dir;

    private static String dashHost;

    @BeforeAll
    static void hosts() {
        dashHost = NodeXml.host().domain("-dash", State.RUNNING).write(dir, "dash.xml");
    }

    /** Success: the same stdout as virsh, status 0. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "freepages --cellno 0 4",
        "freepages 0 --pagesize 4",
        "freepages --pagesize 4 0",
        "freecell --cellno 0",
        "dominfo --domain test",
        "domstate -- test",
        "domstate test --reason",
    })
    void bareWordsFillTheNextPositional(String command) {
        String[] words = ("-c " + URI + " " + command).split(" ");
        Result virsh = Run.virsh(words);
        assertEquals(0, virsh.status(), virsh.err());
        Result r = Run.lvsh(words);
        assertEquals(Run.clockless(virsh.out()), Run.clockless(r.out()));
        assertEquals("", r.err());
        assertEquals(0, r.status());
    }

    /** Words virsh cannot place: its message, lvsh's usage status, virsh's stdout. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "freecell --cellno 0 1|unexpected data '1'",
        "dominfo --domain a b|unexpected data 'b'",
        "domstate -- test --reason|unexpected data '--reason'",
        "list -all|unexpected data '-all'",
        "freepages 4 --cellno 0|option --cellno already seen",
        "list --all=yes|invalid '=' after option --all",
        "event test --all 1|Options --all and --event are mutually exclusive",
        "event test lifecycle 1 x|unexpected data 'x'",
        "connect test:///default extra|unexpected data 'extra'",
    })
    void wordsThatFitNowhere(String command, String message) {
        String[] words = ("-c " + URI + " " + command).split(" ");
        Result virsh = Run.virsh(words);
        assertEquals("error: " + message + "\n", virsh.err());
        Result r = Run.lvsh(words);
        assertEquals(virsh.err(), r.err());
        assertEquals(virsh.out(), r.out()); // a blank line only after an error found when the command ran
        assertEquals(2, r.status());
    }

    /** event's bare words fill --domain, --event, then --timeout, as in virsh. */
    @Test
    void eventFillsDomainEventAndTimeout() {
        String[] words = {"-c", URI, "event", "test", "lifecycle", "1"};
        Result virsh = Run.virsh(words);
        assertEquals("event loop timed out\nevents received: 0\n\n", virsh.out());
        Result r = Run.lvsh(words);
        assertEquals(virsh.out(), r.out());
        assertEquals(virsh.err(), r.err());
        assertEquals(virsh.status(), r.status());
    }

    @Test
    void aDomainNamedLikeAShortOptionIsTheDomain() {
        for (String name : new String[] {"-dash"}) {
            Result virsh = Run.virsh("-c", dashHost, "domid", name);
            assertEquals(0, virsh.status(), virsh.err());
            Result r = Run.lvsh("-c", dashHost, "domid", name);
            assertEquals(virsh.out(), r.out());
            assertEquals("", r.err());
            assertEquals(0, r.status());
        }
    }

    @Test
    void runWideOptionsAfterTheCommandStillWorkAsWholeWords() {
        Result r = Run.lvsh("domid", "-dash", "-c", dashHost);
        assertEquals(Run.virsh("-c", dashHost, "domid", "-dash").out(), r.out());
        assertEquals(0, r.status());
    }
}
