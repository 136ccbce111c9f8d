package org.lvsh.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;

/**
 * SIGTERM and SIGHUP to the shell's JVM (found as a descendant of script(1)): it exits, the terminal is left as
 * it was found (a shell wrapped around lvsh on the same pseudo-terminal records `stty -a` before and after), and
 * the history holds every command typed before the signal, every line well formed (JLine's
 * {@code <epoch millis>:<command>}).
 */
class SignalsIT {
    private static final String PROMPT = "lvsh \\(test:///default\\) # \\z";
    private static final Pattern HISTORY_LINE = Pattern.compile("\\d{13}:.*");
    private static final List<String> TYPED = List.of("uri", "hostname", "domid test", "list --all",
            "dominfo test", "nodeinfo", "freecell --all", "version");

    @TempDir
    Path dir;

    @Test
    void sigtermAtThePrompt() throws IOException {
        Session s = session("TERM", false);
        assertHistory(s.history, TYPED);
        assertEquals(s.before, s.after, "terminal settings after SIGTERM");
    }

    @Test
    void sighupAtThePrompt() throws IOException {
        Session s = session("HUP", false);
        assertHistory(s.history, TYPED);
        assertEquals(s.before, s.after, "terminal settings after SIGHUP");
    }

    /** With a command running (an event loop that waits for ever): the signal still ends lvsh, and quickly. */
    @Test
    void sigtermWhileACommandRuns() throws IOException {
        Session s = session("TERM", true);
        List<String> typed = new ArrayList<>(TYPED);
        typed.add("event --all --loop");
        assertHistory(s.history, typed);
        assertEquals(s.before, s.after, "terminal settings after SIGTERM during a command");
    }

    @Test
    void sighupWhileACommandRuns() throws IOException {
        Session s = session("HUP", true);
        List<String> typed = new ArrayList<>(TYPED);
        typed.add("event --all --loop");
        assertHistory(s.history, typed);
        assertEquals(s.before, s.after, "terminal settings after SIGHUP during a command");
    }

    /**
     * Even a plain quit must leave the terminal exactly as found, speed and line discipline included (the
     * signal tests above leave out `stty -a`'s first line). JLine's providers differ here: its JNI provider
     * (jline 3.30) writes back a termios with the speed cleared (jline/jline3#2170, fixed by #2172), harmless on a
     * pseudo-terminal but a serial console is left at 0 baud; its JNA provider leaves -iexten (Ctrl-V, Ctrl-W
     * dead in cooked mode afterwards); its exec provider (stty) restores the terminal exactly.
     */
    @Test
    void quitLeavesTheTerminalExactlyAsFound() throws IOException {
        Session s = session(null, false);
        List<String> typed = new ArrayList<>(TYPED);
        typed.add("quit");
        assertHistory(s.history, typed);
        assertEquals(s.beforeFirstLine, s.afterFirstLine, "stty -a's first line (speed, size, line discipline)");
        assertEquals(s.before, s.after, "terminal settings after quit");
    }

    private record Session(String before, String after, String beforeFirstLine, String afterFirstLine,
            List<String> history) {
    }

    private Session session(String signal, boolean busy) throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path before = dir.resolve("stty.before");
        Path after = dir.resolve("stty.after");
        Path done = dir.resolve("done");
        String wrapper = "sh -c 'stty -a >" + before + "; " + Project.launcher() + " -c test:///default; echo $? >"
                + done + "; stty -a >" + after + "; sleep 1'";
        try (Term term = Term.start(wrapper, Map.of("XDG_CACHE_HOME", cache.toString()))) {
            term.expect(PROMPT);
            for (String command : TYPED) {
                term.type(command + "\r");
                term.expect(PROMPT);
            }
            ProcessHandle jvm = term.java();
            if (busy) {
                term.type("event --all --loop\r");
                term.expect("event --all --loop\n\\z");
                Term.sleep(500);
            }
            if (signal == null) {
                term.type("quit\r");
            } else {
                Term.signal(jvm, signal);
            }
            jvm.onExit().get(20, TimeUnit.SECONDS);
            term.waitFor(Duration.ofSeconds(20));
            String status = Files.readString(done).strip();
            String expected = signal == null ? "0" : signal.equals("TERM") ? "143" : "129";
            assertEquals(expected, status, "lvsh's exit status (128 + signal)");
        } catch (TimeoutException e) {
            throw new AssertionError("lvsh did not exit within 20 s of " + (signal == null ? "quit" : "SIG" + signal));
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
        String history = Files.readString(cache.resolve("lvsh/history"), StandardCharsets.UTF_8);
        assertFalse(Files.readString(before).isBlank());
        String b = Files.readString(before);
        String a = Files.readString(after);
        return new Session(settings(b), settings(a), b.lines().findFirst().orElse(""),
                a.lines().findFirst().orElse(""), history.lines().toList());
    }

    /** `stty -a` without the first line (speed, size: script(1) and stty may differ there). */
    private static String settings(String sttyA) {
        int nl = sttyA.indexOf('\n');
        return nl < 0 ? sttyA : sttyA.substring(nl + 1);
    }

    private static void assertHistory(List<String> lines, List<String> typed) {
        assertFalse(lines.isEmpty(), "no history");
        List<String> commands = new ArrayList<>();
        for (String line : lines) {
            assertTrue(HISTORY_LINE.matcher(line).matches(), "a malformed history line: " + line);
            commands.add(line.substring(line.indexOf(':') + 1));
        }
        assertTrue(commands.containsAll(typed), "history " + commands + " lacks some of " + typed);
        assertEquals(typed, commands.subList(commands.size() - typed.size(), commands.size()),
                "the typed commands, in order, at the end");
    }
}
