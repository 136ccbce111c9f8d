package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/** event's timeout and ending, the empty command word, help's synopsis of optional options (issue 16, item 13). */
class EventAndHelpShapesTest {
    private static final String URI = "test:///default";

    @ParameterizedTest(name = "event --timeout {0}")
    @ValueSource(strings = {"2147484", "-1", "0"})
    void timeoutOutOfRangeAsVirsh(String timeout) {
        Result virsh = Run.virsh("-c", URI, "event", "--all", "--timeout", timeout);
        assertEquals("error: Numeric value '" + timeout + "' for <timeout> option is malformed or out of range\n",
                virsh.err());
        Result r = Run.lvsh("-c", URI, "event", "--all", "--timeout", timeout);
        assertEquals(virsh.err(), r.err());
        assertEquals(virsh.out(), r.out());
        assertEquals(2, r.status());
    }

    /** Nothing came: virsh's closing lines, status 1, and no error line. */
    @ParameterizedTest(name = "event {0}")
    @ValueSource(strings = {"--all --timeout 1", "--all --loop --timeout 1", "--event lifecycle --timeout 1"})
    void noEventEndsAsVirsh(String options) {
        String[] words = ("-c " + URI + " event " + options).split(" ");
        Result virsh = Run.virsh(words);
        assertEquals("event loop timed out\nevents received: 0\n\n", virsh.out());
        Result r = Run.lvsh(words);
        assertEquals(virsh.out(), r.out());
        assertEquals(virsh.err(), r.err());
        assertEquals("", r.err());
        assertEquals(1, r.status());
    }

    /** virsh exits 1 on an empty command string (saying nothing); lvsh too, with its one error line. */
    @Test
    void emptyCommandWord() {
        Result virsh = Run.virsh("-c", URI, "");
        assertEquals(1, virsh.status());
        assertEquals("", virsh.out());
        Result r = Run.lvsh("-c", URI, "");
        assertEquals("error: unknown command: ''\n", r.err());
        assertEquals(virsh.out(), r.out());
        assertEquals(virsh.status(), r.status());
        // followed by other words, the empty word is virsh's unknown command
        virsh = Run.virsh("-c", URI, "", "uri");
        r = Run.lvsh("-c", URI, "", "uri");
        assertEquals("error: unknown command: ''\n", virsh.err());
        assertEquals(virsh.err(), r.err());
        assertEquals(2, r.status());
    }

    /** SYNOPSIS and OPTIONS as virsh shows them: an optional domain is [--domain <string>], a required one <domain>. */
    @ParameterizedTest(name = "help {0}")
    @CsvSource(delimiter = '|', value = {
        "event|'    event [--domain <string>] [--event <string>] [--all] [--loop] [--timeout <number>] [--list] "
                + "[--timestamp]'|'    --domain <string>  filter by domain name, id or uuid'",
        "dominfo|'    dominfo <domain>'|'    [--domain] <string>  domain name, id or uuid'",
        "freepages|'    freepages [--cellno <number>] [--pagesize <number>] [--all]'|'    --cellno <number>  NUMA cell "
                + "number'",
    })
    void synopsisOfOptionalOptions(String command, String virshSynopsis, String firstOption) {
        Result virsh = Run.virsh("-c", URI, "help", command);
        java.util.List<String> v = virsh.lines();
        assertEquals(virshSynopsis, v.get(v.indexOf("  SYNOPSIS") + 1));
        assertEquals(firstOption, v.get(v.indexOf("  OPTIONS") + 1));
        java.util.List<String> l = Run.lvsh("-c", URI, "help", command).lines();
        // lvsh's own options (event --background, --stop) follow virsh's: compare virsh's part of the synopsis
        assertEquals(virshSynopsis, l.get(l.indexOf("  SYNOPSIS") + 1).substring(0, virshSynopsis.length()));
        assertEquals(firstOption, l.get(l.indexOf("  OPTIONS") + 1));
    }
}
