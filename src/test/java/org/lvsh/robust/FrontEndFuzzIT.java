package org.lvsh.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;
import org.lvsh.support.Run;

/**
 * The same kind of hostile lines as {@link FrontEndFuzzTest}, to the real program: a batch typed into ONE
 * interactive shell on a pseudo-terminal (which must give its prompt back after every line, and still work at
 * the end), and the same batch to the packaged launcher in script mode and, for some, one-shot.
 */
class FrontEndFuzzIT {
    private static final long SEED = FrontEndFuzzTest.SEED + 3;
    private static final int SHELL_LINES = 300;
    /**
     * Lines typed into the shell are kept under this size: JLine redraws a wrapped line at every key, so typing
     * (or pasting) a long line costs time quadratic in its length (about 20 s for 12 KB here); the 100 KB lines
     * go to script mode and one-shot instead.
     */
    private static final int SHELL_MAX_LINE = 2_000;
    private static final int LAUNCHER_ONE_SHOTS = 12;
    /** Any prompt: the fuzz may switch the connection or make it read-only. */
    private static final String PROMPT = "lvsh \\([^()\\n]*\\) [#>] \\z";

    @TempDir
    Path dir;

    private List<String> lines(int maxLength) {
        Fuzz fuzz = new Fuzz(SEED, dir);
        List<String> lines = new ArrayList<>();
        while (lines.size() < SHELL_LINES) {
            String line = fuzz.line(Fuzz.Mode.SHELL);
            if (line.length() <= maxLength) {
                lines.add(line);
            }
        }
        // and a few long ones on purpose
        lines.add(50, "dominfo " + "\u202E\uD83D\uDE00e\u0301\u05E9".repeat(500));
        lines.add(150, "list --all; ".repeat(200));
        lines.add(250, "help '" + "x\\\"".repeat(800));
        return lines;
    }

    @Test
    void oneShellSurvivesEveryLine() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        List<String> lines = lines(SHELL_MAX_LINE);
        try (Term term = Term.start(Project.launcher() + " -c test:///default",
                Map.of("XDG_CACHE_HOME", cache.toString()))) {
            term.expect("Welcome to lvsh.*" + PROMPT);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                term.typeLiterally(line);
                try {
                    term.expect(PROMPT, Duration.ofSeconds(60));
                    // A unique line whose answer needs no connection: proves this line is over and the next runs.
                    term.type("help MK-" + i + "\r");
                    term.expect("error: command or command group 'MK-" + i + "' doesn't exist\n(.*\n)?" + PROMPT,
                            Duration.ofSeconds(60));
                } catch (AssertionError e) {
                    throw new AssertionError("the shell did not come back after line #" + i + " "
                            + Verdicts.shorten(line) + "\n" + e.getMessage(), e);
                }
            }
            term.type("connect test:///default\r");
            term.expect("Connected to test:///default.*" + PROMPT);
            term.type("uri\r");
            term.expect("test:///default\n\n" + PROMPT);
            term.type("quit\r");
            assertEquals(0, term.waitFor(Duration.ofSeconds(20)));
            String screen = Term.plain(term.raw());
            for (String marker : new String[] {"Exception", "java.lang.", "\tat ", "libvirt: "}) {
                assertFalse(screen.contains(marker), "the shell printed " + Verdicts.printable(marker));
            }
        }
    }

    @Test
    void launcherScriptModeTakesTheWholeBatch() {
        List<String> lines = lines(Integer.MAX_VALUE); // 100 KB lines included
        Verdicts verdicts = new Verdicts(true);
        Run.Result r = Run.launcher(String.join("\n", lines) + "\n", Map.of(), "-c", "test:///default");
        verdicts.judge("script of " + lines.size() + " lines, seed " + SEED, r);
        verdicts.assertClean();
    }

    /** One-shot through the launcher: what the process itself prints on fd 2 (libvirt, libxml2) shows here. */
    @Test
    void launcherOneShots() {
        Fuzz fuzz = new Fuzz(SEED + 1, dir);
        Verdicts verdicts = new Verdicts(true);
        for (int i = 0; i < LAUNCHER_ONE_SHOTS; i++) {
            String line = fuzz.line(Fuzz.Mode.LINE).replace('\u0000', '?'); // argv cannot hold NUL
            verdicts.judge("one-shot #" + i + " " + line, Run.launcher("", Map.of(), "-c", "test:///default", line));
        }
        for (String uri : Fuzz.SAFE_URIS) {
            for (String command : new String[] {"uri", "connect " + uri}) {
                String[] args = command.startsWith("connect") ? new String[] {"-c", "test:///default", command}
                        : new String[] {"-c", uri, command};
                verdicts.judge(String.join(" ", args), Run.launcher("", Map.of(), args));
            }
        }
        verdicts.assertClean();
    }
}
