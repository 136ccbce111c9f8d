package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/** stdin not a terminal: one command a line, '#' comments, no prompt or banner, the last failure's status. */
class ScriptModeTest {
    private static final String URI = "test:///default";

    @Test
    void runsEveryLineWithoutPromptOrBanner() {
        Result r = Run.script("uri\n# a comment\n\nhostname ; domid test\n", "-c", URI);
        assertEquals("test:///default\n\nvm\n\n1\n\n", r.out());
        assertEquals("", r.err());
        assertEquals(0, r.status());
    }

    @Test
    void exitStatusIsTheLastFailure() {
        Result r = Run.script("dominfo nosuch\nlist --bogus\nuri\n", "-c", URI);
        assertEquals("\ntest:///default\n\n", r.out());
        assertEquals("error: failed to get domain 'nosuch'\n"
                + "error: command 'list' doesn't support option --bogus\n", r.err());
        assertEquals(2, r.status());
        assertEquals(1, Run.script("list --bogus\ndominfo nosuch\nuri\n", "-c", URI).status());
    }

    @Test
    void quitStopsReading() {
        Result r = Run.script("uri\nquit\nhostname\n", "-c", URI);
        assertEquals("test:///default\n\n", r.out());
        assertEquals(0, r.status());
    }

    /** virsh reads each line alone: a trailing backslash is "dangling \\", and the next line runs by itself. */
    @Test
    void aTrailingBackslashIsDanglingAndTheNextLineRuns() {
        Result r = Run.script("domname 1\\\nuri\n", "-c", URI);
        assertEquals("error: dangling \\\n", r.err());
        assertEquals("test:///default\n\n", r.out());
        assertEquals(2, r.status());
    }

    /** One-shot, as virsh: the string does not parse, so nothing of it runs; words given apart are literal. */
    @Test
    void aTrailingBackslashInAOneShotString() {
        for (String line : new String[] {"domname 1\\", "uri; domname 1\\"}) {
            Result virsh = Run.virsh("-c", URI, line);
            assertEquals("error: dangling \\\n", virsh.err());
            Result r = Run.lvsh("-c", URI, line);
            assertEquals(virsh.err(), r.err());
            assertEquals(virsh.out(), r.out());
            assertEquals(2, r.status());
        }
        Result virsh = Run.virsh("-c", URI, "domname", "1\\");
        Result r = Run.lvsh("-c", URI, "domname", "1\\");
        assertEquals("error: failed to get domain '1\\'\n", r.err());
        assertEquals(virsh.err(), r.err());
        assertEquals(virsh.out(), r.out());
        assertEquals(1, r.status());
    }

    @Test
    void quietAndJson() {
        assertEquals("test:///default\nvm\n", Run.script("uri\nhostname\n", "-q", "-c", URI).out());
        assertEquals("{\n  \"uri\": \"test:///default\"\n}\n{\n  \"hostname\": \"vm\"\n}\n",
                Run.script("uri\nhostname\n", "--json", "-c", URI).out());
    }

    @Test
    void badQuotingIsReportedAndTheRestRuns() {
        Result r = Run.script("domid \"test\nuri\n", "-c", URI);
        assertEquals("error: missing \"\n", r.err());
        assertEquals("test:///default\n\n", r.out());
        assertEquals(2, r.status());
    }

    @Test
    void emptyInputIsFine() {
        Result r = Run.script("", "-c", URI);
        assertEquals("", r.out());
        assertEquals(0, r.status());
    }
}
