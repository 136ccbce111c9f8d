package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/** One "error: ..." line in virsh's words, the contract's exit statuses, never a stack trace. */
class ErrorsAndStatusTest {
    private static final String URI = "test:///default";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nosuchcmd|2|unknown command: 'nosuchcmd'",
        "list --bogus|2|command 'list' doesn't support option --bogus",
        "list all|2|unexpected data 'all'",
        "dominfo|2|command 'dominfo' requires <domain> option",
        "dominfo test extra|2|unexpected data 'extra'",
        "freecell abc|2|Numeric value 'abc' for <cellno> option is malformed or out of range",
        "freecell --cellno|2|expected syntax: --cellno <number>",
        "freecell --cellno 0 --cellno 1|2|option --cellno already seen",
        "freecell --all --cellno 0|2|Options --all and --cellno are mutually exclusive",
        "freecell -1|2|cell number must be non-negative integer",
        "freecell 5|1|invalid argument: Range exceeds available cells",
        "freepages|2|missing cellno argument",
        "freepages --cellno 0|2|missing pagesize argument",
        "freepages --cellno 0 --pagesize|2|expected syntax: --pagesize <number>",
        "freepages 0 4x|2|Scaled numeric value '4x' for <pagesize> option is malformed or out of range: "
                + "invalid argument: unknown suffix 'x'",
        "list --table --name|2|Options --table and --name are mutually exclusive",
        "list --table --uuid|2|Options --table and --uuid are mutually exclusive",
        "dominfo nosuch|1|failed to get domain 'nosuch'",
        "domid 1|1|failed to get domain '1'",
        "help bogus|1|command or command group 'bogus' doesn't exist",
        "list -o xml|2|unknown output format 'xml' (expected table, json, yaml, csv or name)",
        "nodeinfo -o name|2|this command has no names to print; -o name fits list and domain commands",
    })
    void usageAndFailures(String command, int status, String message) {
        Result r = Run.lvsh(("-c " + URI + " " + command).split(" "));
        assertEquals("error: " + message + "\n", r.err());
        assertEquals(status, r.status());
    }

    @Test
    void unknownGlobalOption() {
        Result r = Run.lvsh("--bogus", "list");
        assertEquals("error: unsupported option '--bogus'. See --help.\n", r.err());
        assertEquals(2, r.status());
    }

    @Test
    void unreachableNamedHypervisorSaysWhyWithoutTheDemoHost() {
        Result r = Run.lvsh("-c", "qemu:///system?socket=/nonexistent/sock", "nodeinfo");
        assertEquals(3, r.status());
        assertEquals("error: failed to connect to the hypervisor: Failed to connect socket to "
                + "'/nonexistent/sock': No such file or directory\n", r.err());
        assertFalse(r.err().contains("libvirt:"), "libvirt's own stderr printer must stay silent");
    }

    /**
     * lvsh's rule (the last failure) against virsh 9.0's, as the README states them: virsh ends a line with the
     * last command's status and script mode with 0 whatever failed.
     */
    @Test
    void statusOfSeveralCommandsAgainstVirsh() {
        String failsLast = "uri\ndomname nosuch\n";
        assertEquals(0, Run.process(List.of("virsh", "-c", URI), failsLast, Map.of()).status());
        assertEquals(1, Run.script(failsLast, "-c", URI).status());
        assertEquals(1, Run.virsh("-c", URI, "uri; domname nosuch").status());
        assertEquals(0, Run.virsh("-c", URI, "domname nosuch; uri").status());
        assertEquals(1, Run.lvsh("-c", URI, "domname nosuch; uri").status());
    }

    /** As virsh, a connection that will not open is said once and nothing more runs; a failed 'connect' is not that. */
    @Test
    void aConnectionThatWillNotOpenIsReportedOnce() {
        String bad = "qemu:///system?socket=/nonexistent/sock";
        String once = "error: failed to connect to the hypervisor: Failed to connect socket to "
                + "'/nonexistent/sock': No such file or directory\n";
        Result line = Run.lvsh("-c", bad, "list; nodeinfo; uri");
        assertEquals(once, line.err());
        assertEquals("", line.out());
        assertEquals(3, line.status());
        Result script = Run.script("list\nnodeinfo\nuri\n", "-c", bad);
        assertEquals(once, script.err());
        assertEquals(3, script.status());
        Result connect = Run.script("connect " + bad + "\nuri\n", "-c", URI);
        assertEquals(once, connect.err());
        assertEquals(URI + "\n\n", connect.out());
    }

    /** No URI anywhere and libvirt's own default is not there (no system daemon here): the demo host helps. */
    @Test
    void unreachableDefaultHypervisorSuggestsTheDemoHost() {
        assertEquals(null, System.getenv("LIBVIRT_DEFAULT_URI"), "this test needs libvirt's own default");
        Result r = Run.lvsh("nodeinfo");
        assertEquals(3, r.status(), "a system libvirtd answered: " + r.out());
        assertTrue(r.err().startsWith("error: failed to connect to the hypervisor: "), r.err());
        assertTrue(r.err().endsWith("; try -c test:///default for the built-in demo host\n"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void keepaliveForcedOnADriverWithoutIt() {
        Result r = Run.lvsh("-K", "3", "-c", URI, "uri");
        assertEquals(3, r.status());
        assertTrue(r.err().startsWith("error: failed to connect to the hypervisor: cannot set up keepalive"),
                r.err());
        assertEquals(0, Run.lvsh("-k", "0", "-c", URI, "uri").status());
    }

    @Test
    void badGlobalValues() {
        assertEquals(0, Run.lvsh("-d", "9", "-c", URI, "uri").status()); // virsh warns and runs (RunWideOptionsTest)
        assertEquals(2, Run.lvsh("-k", "-1", "-c", URI, "uri").status());
        assertEquals(2, Run.lvsh("-c").status());
    }

    @Test
    void severalCommandsRunInOrderAndTheLastFailureDecides() {
        Result r = Run.lvsh("-c", URI, "domid nosuch; uri");
        assertEquals("\ntest:///default\n\n", r.out());
        assertEquals("error: failed to get domain 'nosuch'\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void aParseErrorRunsNothing() {
        Result r = Run.lvsh("-c", URI, "uri; domid --bogus");
        assertEquals("", r.out());
        assertEquals(2, r.status());
    }

    @Test
    void timingLikeVirsh() {
        Result r = Run.lvsh("-t", "-c", URI, "uri");
        assertTrue(r.out().matches("test:///default\n\n\\(Time: \\d+\\.\\d{3} ms\\)\n\n"), r.out());
        Result json = Run.lvsh("-t", "-c", URI, "--json", "uri");
        assertEquals("{\n  \"uri\": \"test:///default\"\n}\n", json.out());
        assertTrue(json.err().matches("\\(Time: \\d+\\.\\d{3} ms\\)\n"), json.err());
    }

    @Test
    void debugShowsWhatHappenedButNeverAStackTraceForUserErrors() {
        Result r = Run.lvsh("-d", "0", "-c", URI, "dominfo", "nosuch");
        assertTrue(r.err().contains("error: failed to get domain 'nosuch'"));
        assertTrue(r.err().contains("lvsh: info: command dominfo: status 1"));
    }

    @Test
    void optionsAfterTheCommandInOneShot() {
        Result r = Run.lvsh("uri", "-c", URI);
        assertEquals("test:///default\n\n", r.out());
        assertEquals(0, r.status());
    }

    /** virsh's two lines for a bad page size (its own and libvirt's reason) are lvsh's one. */
    @ParameterizedTest
    @ValueSource(strings = {"4G", "4X", "4.5K", "1T", "4 K", "4194304K", "-4", "", "99999999999999999999", "4KB ",
        "4294967295B", "4194303K", " +4", "2MB", "0"})
    void pageSizesAsVirshScalesThem(String size) {
        Result virsh = Run.virsh("-c", URI, "freepages", "--cellno", "0", "--pagesize", size);
        Result lvsh = Run.lvsh("-c", URI, "freepages", "--cellno", "0", "--pagesize", size);
        if (virsh.status() == 0) {
            assertEquals(virsh.out(), lvsh.out(), size);
            assertEquals(0, lvsh.status());
        } else {
            assertEquals(virsh.err().replace("\nerror: ", ": "), lvsh.err(), size);
            assertEquals(2, lvsh.status());
        }
    }

    /**
     * virsh prints its blank line after a command that ran, failed or not, and none for a line it could not
     * parse or a connection it could not open: stdout is the same as virsh's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dominfo", "dominfo test --domain test", "freecell --cellno 0 1", "freecell abc",
        "freecell 1.5", "freepages --cellno abc", "list --bogus", "bogus", "dominfo nosuch", "freecell --all --cellno 0",
        "freepages 0 4X", "list all", "domid", "freecell 0; bogus", "freecell abc; uri", "dominfo nosuch; uri"})
    void blankLinesAfterErrorsAsVirsh(String command) {
        Result virsh = Run.virsh("-c", URI, command);
        Result lvsh = Run.lvsh("-c", URI, command);
        assertEquals(virsh.out(), lvsh.out(), command);
        if (!command.contains(";")) { // a line of several ends with the status of its last failure, not virsh's
            assertEquals(virsh.status() == 0, lvsh.status() == 0, command);
        }
    }

    @Test
    void noBlankLineWhenTheConnectionDoesNotOpen() {
        Result virsh = Run.virsh("-c", "test:///nonexistent/node.xml", "nodeinfo");
        Result lvsh = Run.lvsh("-c", "test:///nonexistent/node.xml", "nodeinfo");
        assertEquals(1, virsh.status());
        assertEquals("", virsh.out());
        assertEquals("", lvsh.out());
        assertEquals(3, lvsh.status());
    }
}
