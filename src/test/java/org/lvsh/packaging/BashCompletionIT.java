package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bash completion script with the real lvsh (bin/lvsh and the packaged jar), through bash's completion variables. */
class BashCompletionIT {
    static final List<String> COMMANDS = List.of("domid", "domname", "domuuid", "dominfo", "domstate", "domstats",
            "list", "top", "event", "capabilities", "freecell", "freepages", "hostname", "maxvcpus",
            "nodecpumap", "nodecpustats", "nodeinfo", "nodememstats", "sysinfo", "uri", "version", "echo", "exit", "help", "quit",
            "connect", "hosts", "server");
    static final List<String> LIST_OPTIONS = List.of("--json", "--output", "--quiet", "--no-headers", "--help",
            "--connect", "--readonly", "--timing", "--debug", "--log", "--keepalive-interval", "--keepalive-count",
            "--inactive", "--all", "--transient", "--persistent", "--with-snapshot", "--without-snapshot",
            "--with-checkpoint", "--without-checkpoint", "--state-running", "--state-paused", "--state-shutoff",
            "--state-other", "--autostart", "--no-autostart", "--with-managed-save", "--without-managed-save", "--uuid",
            "--name", "--id", "--table", "--managed-save", "--title", "--sort-by", "--columns");

    @TempDir
    static Path dir;
    static String uri;
    static BashCompletion bash;

    @BeforeAll
    static void setUp() {
        uri = LiveHost.write(dir);
        bash = new BashCompletion(Tools.completions("lvsh.bash"), Tools.completionEnv());
    }

    @Test
    void commandNames() {
        assertEquals(COMMANDS, bash.complete("lvsh "));
        assertEquals(List.of("domid", "domname", "domuuid", "dominfo", "domstate", "domstats"),
                bash.complete("lvsh dom"));
    }

    @Test
    void optionsOfList() {
        assertEquals(LIST_OPTIONS, bash.complete("lvsh list --"));
        assertEquals(List.of("--without-snapshot", "--without-checkpoint", "--without-managed-save"),
                bash.complete("lvsh list --witho"));
    }

    @Test
    void domainsFromTheUriOnTheCommandLine() {
        assertEquals(List.of("my\\ vm", "café"), bash.complete("lvsh -c " + uri + " dominfo "));
        assertEquals(List.of("café"), bash.complete("lvsh -c " + uri + " dominfo caf"));
        assertEquals(List.of("my\\ vm"), bash.complete("lvsh --connect " + uri + " -r dominfo m"));
    }

    @Test
    void domainsInsideQuotesAreLeftForReadlineToClose() {
        assertEquals(List.of("my vm"), bash.complete("lvsh -c " + uri + " dominfo 'my"));
        assertEquals(List.of("my vm"), bash.complete("lvsh -c " + uri + " dominfo \"m"));
        assertEquals(List.of("my\\ vm"), bash.complete("lvsh -c " + uri + " dominfo my\\ "));
    }

    @Test
    void optionEqualsValue() {
        assertEquals(List.of("my\\ vm", "café"), bash.complete("lvsh -c " + uri + " dominfo --domain="));
        assertEquals(List.of("2M"), bash.complete("lvsh -c test:///default freepages --pagesize=2"));
        assertEquals(List.of("4K", "8K", "2M", "1G"), bash.complete("lvsh -c test:///default freepages --pagesize "));
    }

    @Test
    void cellNumbersOfTheDefaultTestHost() {
        assertEquals(List.of("0", "1"), bash.complete("lvsh -c test:///default freecell --cellno "));
        Map<String, String> env = new HashMap<>(Tools.completionEnv());
        env.put("LVSH_DEFAULT_URI", "test:///default");
        assertEquals(List.of("0", "1"), new BashCompletion(Tools.completions("lvsh.bash"), env)
                .complete("lvsh freecell --cellno "));
    }

    @Test
    void domainsOfTheDefaultTestHost() {
        assertEquals(List.of("test"), bash.complete("lvsh -c test:///default dominfo "));
        // a running domain's id is offered once a digit is typed
        assertEquals(List.of("1"), bash.complete("lvsh -c test:///default dominfo 1"));
    }

    @Test
    void urisKeepWhatBashDoesNotReplace() {
        // bash replaces only the text after the last ':' (COMP_WORDBREAKS): the reply must not repeat "test:".
        assertEquals(List.of("///default"), bash.complete("lvsh connect test:"));
        assertEquals(List.of("table", "json", "yaml", "csv", "name"), bash.complete("lvsh -o "));
    }

    @Test
    void silentWhenTheHostCannotBeReached() {
        long start = System.nanoTime();
        BashCompletion.Outcome o = bash.run("lvsh -c test:///nonexistent/node.xml dominfo m");
        assertEquals(List.of(), o.reply());
        assertEquals("", o.err());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "completion took too long");
    }
}
