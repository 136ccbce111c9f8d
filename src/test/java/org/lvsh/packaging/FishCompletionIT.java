package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Run;

/** The fish completion script with the real lvsh, through fish's own `complete -C` (what TAB would offer). */
class FishCompletionIT {
    @TempDir
    static Path dir;
    static String uri;

    @BeforeAll
    static void setUp() {
        uri = LiveHost.write(dir);
    }

    /** fish's candidates for the line: "VALUE" or "VALUE\tDESCRIPTION". */
    private static List<String> complete(String line) {
        String fish = Tools.require("fish");
        Run.Result r = Tools.run(Tools.completionEnv(), fish, "--no-config", "-c",
                "source $argv[1]; and complete -C $argv[2]", Tools.completions("lvsh.fish").toString(), line);
        assertEquals(0, r.status(), "fish failed: " + r.err());
        assertEquals("", r.err());
        return r.out().isEmpty() ? List.of() : List.of(r.out().split("\n"));
    }

    @Test
    void commandsWithTheirSummaries() {
        assertEquals(BashCompletionIT.COMMANDS, complete("lvsh ").stream().map(l -> l.split("\t")[0]).toList());
        assertEquals(List.of("domid\tconvert a domain name or UUID to domain id",
                "domname\tconvert a domain id or UUID to domain name", "domuuid\tconvert a domain name or id to domain UUID",
                "dominfo\tdomain information", "domstate\tdomain state",
                "domstats\tget statistics about one or multiple domains"), complete("lvsh dom"));
    }

    @Test
    void optionsOfList() {
        assertEquals(BashCompletionIT.LIST_OPTIONS, complete("lvsh list --").stream().map(l -> l.split("\t")[0])
                .toList());
        assertEquals(List.of("--timing\tPrint how long the command took.", "--transient\tlist transient domains",
                "--table\tlist table (default)", "--title\tshow domain title"), complete("lvsh list --t"));
    }

    @Test
    void domainsFromTheUriOnTheCommandLine() {
        assertEquals(List.of("my vm", "café"), complete("lvsh -c " + uri + " dominfo "));
        assertEquals(List.of("café"), complete("lvsh --connect " + uri + " -r dominfo caf"));
        assertEquals(List.of("my vm"), complete("lvsh -c " + uri + " dominfo 'my"));
        assertEquals(List.of("--domain=my vm"), complete("lvsh -c " + uri + " dominfo --domain=m"));
    }

    @Test
    void liveValuesOfTheDefaultTestHost() {
        assertEquals(List.of("0", "1"), complete("lvsh -c test:///default freecell --cellno "));
        assertEquals(List.of("--pagesize=2M"), complete("lvsh -c test:///default freepages --pagesize=2"));
        assertEquals(List.of("test"), complete("lvsh -c test:///default dominfo "));
        assertEquals(List.of("test:///default"), complete("lvsh connect test:"));
    }

    @Test
    void nothingWhenTheHostCannotBeReached() {
        assertEquals(List.of(), complete("lvsh -c test:///nonexistent/node.xml dominfo m"));
    }
}
