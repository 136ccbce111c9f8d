package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash script's own work, with a stand-in lvsh that records its arguments and prints set candidates: which
 * words it passes to `lvsh complete`, and how it quotes replies for each place the cursor can be.
 */
class BashCompletionScriptTest {
    @TempDir
    Path dir;
    Path argsFile;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void stub() throws IOException {
        argsFile = dir.resolve("args");
        Path stub = dir.resolve("lvsh");
        Files.writeString(stub, """
                #!/bin/sh
                printf '%s\\n' "$@" > "$STUB_ARGS"
                [ -n "$STUB_SLEEP" ] && sleep "$STUB_SLEEP"
                [ -n "$STUB_FAIL" ] && { echo "error: boom" >&2; exit 1; }
                printf '%s' "$STUB_CANDIDATES"
                """);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        env.put("PATH", dir + ":" + System.getenv("PATH"));
        env.put("LC_ALL", "C.UTF-8");
        env.put("STUB_ARGS", argsFile.toString());
        env.put("STUB_CANDIDATES", "");
    }

    private List<String> complete(String line, String... candidates) {
        env.put("STUB_CANDIDATES", String.join("\n", candidates) + "\n");
        return new BashCompletion(Tools.completions("lvsh.bash"), env).complete(line);
    }

    private List<String> passed() throws IOException {
        return Files.readAllLines(argsFile, StandardCharsets.UTF_8);
    }

    @Test
    void passesTheWordsUnquotedWithTheirConnectionOptions() throws IOException {
        complete("lvsh -c 'test:///a b' --readonly dominfo \"my v");
        assertEquals(List.of("complete", "--", "-c", "test:///a b", "--readonly", "dominfo", "my v"), passed());
        complete("lvsh -r --connect=qemu:///system list ");
        assertEquals(List.of("complete", "--", "-r", "--connect=qemu:///system", "list", ""), passed());
        complete("lvsh dominfo caf\\é\\ x");
        assertEquals(List.of("complete", "--", "dominfo", "café x"), passed());
    }

    @Test
    void quotesForTheCursorsPlace() {
        String[] names = {"my vm", "it's", "a\"b$c`d\\e", "café"};
        assertEquals(List.of("my\\ vm", "it\\'s", "a\\\"b\\$c\\`d\\\\e", "café"), complete("lvsh dominfo ", names));
        assertEquals(List.of("my vm", "it'\\''s", "a\"b$c`d\\e", "café"), complete("lvsh dominfo '", names));
        assertEquals(List.of("my vm", "it's", "a\\\"b\\$c\\`d\\\\e", "café"), complete("lvsh dominfo \"", names));
    }

    @Test
    void repliesOnlyWithWhatBashReplaces() {
        assertEquals(List.of("my\\ vm"), complete("lvsh dominfo --domain=m", "--domain=my vm"));
        assertEquals(List.of("my vm"), complete("lvsh dominfo --domain='m", "--domain=my vm"));
        assertEquals(List.of("///default"), complete("lvsh connect test:", "test:///default"));
        assertEquals(List.of("2M"), complete("lvsh freepages --pagesize=2", "--pagesize=2M"));
    }

    @Test
    void theCursorCountsBytes() throws IOException {
        // Cursor after "café": COMP_POINT is a byte offset, and what follows the cursor is not completed.
        String line = "lvsh dominfo café x";
        env.put("STUB_CANDIDATES", "café\n");
        String bash = Tools.require("bash");
        var r = Tools.run(env, bash, "--norc", "--noprofile", "-c",
                "source \"$1\"; COMP_LINE=$2; COMP_POINT=$3; _lvsh; printf '%s\\n' \"${COMPREPLY[@]}\"", "bash",
                Tools.completions("lvsh.bash").toString(), line,
                Integer.toString("lvsh dominfo café".getBytes(StandardCharsets.UTF_8).length));
        assertEquals("café\n", r.out());
        assertEquals(List.of("complete", "--", "dominfo", "café"), passed());
    }

    @Test
    void silentWhenLvshFails() {
        env.put("STUB_FAIL", "1");
        BashCompletion.Outcome o = new BashCompletion(Tools.completions("lvsh.bash"), env).run("lvsh dominfo ");
        assertEquals(List.of(), o.reply());
        assertEquals("", o.err());
    }

    @Test
    void silentWhenLvshIsMissing() {
        env.put("PATH", "/usr/bin:/bin");
        BashCompletion.Outcome o = new BashCompletion(Tools.completions("lvsh.bash"), env)
                .run("no-such-lvsh dominfo ");
        assertEquals(List.of(), o.reply());
        assertEquals("", o.err());
    }

    @Test
    void aHangingLvshDoesNotHangTheShell() {
        env.put("STUB_SLEEP", "60");
        long start = System.nanoTime();
        assertEquals(List.of(), complete("lvsh dominfo ", "late"));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertTrue(seconds < 20, "completion waited " + seconds + " s for a hanging lvsh");
    }
}
