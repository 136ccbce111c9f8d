package org.lvsh.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;
import org.lvsh.support.NodeXml.State;
import org.lvsh.support.Project;
import org.lvsh.support.Pty;

/**
 * top's full-screen view on a real pseudo-terminal, through the launcher: it draws, a key re-sorts, a resize
 * redraws for the new size, q (or Ctrl-C) ends it, and the terminal is given back exactly as it was (its stty
 * settings compared before and after; the alternate screen left and the cursor shown again).
 */
class TopScreenIT {
    private static final String ENTER_ALTERNATE = "\u001b[?1049h";
    private static final String LEAVE_ALTERNATE = "\u001b[?1049l";
    private static final String HIDE_CURSOR = "\u001b[?25l";
    private static final String SHOW_CURSOR = "\u001b[?25h";

    @TempDir
    Path dir;

    /** 30 domains: more than a 15-row screen holds. */
    private String host() {
        NodeXml node = NodeXml.host();
        for (int i = 0; i < 30; i++) {
            node.domain(String.format("vm-%02d", i), i % 3 == 2 ? State.PAUSED : State.RUNNING);
        }
        return node.write(dir, "node.xml");
    }

    /**
     * {@code command} in a shell that records stty's settings before and after it, its status, and resizes the
     * terminal (as a window manager would) once the file "resize" appears.
     */
    private Pty session(String command) {
        Path resize = dir.resolve("resize");
        Path resized = dir.resolve("resized");
        // a background job's stdin is /dev/null: stty sizes the terminal through /dev/tty
        String job = "(while [ ! -e '" + resize + "' ]; do sleep 0.1; done; stty cols 70 rows 15 < /dev/tty; "
                + "touch '" + resized + "') & ";
        // the shell outlives Ctrl-C (a trap, not an ignored signal: the command still gets SIGINT as usual)
        String script = "trap 'true' INT; stty -g > '" + dir.resolve("before") + "'; " + job + command + "; echo \"status=$?\"; "
                + "stty -g > '" + dir.resolve("after") + "'";
        // inside the double quotes of script(1)'s own shell: quotes and $ escaped, for the inner sh to read
        String quoted = script.replace("\"", "\\\"").replace("$", "\\$");
        return Pty.start("sh -c \"" + quoted + "\"",
                Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()));
    }

    private void resize() throws IOException, InterruptedException {
        Files.createFile(dir.resolve("resize"));
        for (int i = 0; i < 100 && !Files.exists(dir.resolve("resized")); i++) {
            Thread.sleep(50); // the job says when the terminal has its new size
        }
        assertTrue(Files.exists(dir.resolve("resized")), "the terminal was not resized");
    }

    /** @param nothingAfter whether only the status may follow the view (one-shot: no trailing blank line) */
    private void assertRestored(Pty pty, boolean nothingAfter) throws IOException {
        assertEquals(Files.readString(dir.resolve("before")), Files.readString(dir.resolve("after")),
                "the terminal's settings are as they were (raw mode left)");
        String raw = pty.raw();
        int enter = raw.indexOf(ENTER_ALTERNATE);
        int leave = raw.lastIndexOf(LEAVE_ALTERNATE);
        assertTrue(enter >= 0 && leave > enter, "the alternate screen entered, then left");
        assertTrue(raw.indexOf(HIDE_CURSOR, enter) > 0, "the cursor hidden");
        assertTrue(raw.indexOf(SHOW_CURSOR, leave) > 0, "the cursor shown again after");
        String after = Pty.plain(raw.substring(leave));
        assertTrue(!nothingAfter || after.equals("status=0\n"), "nothing left behind but the status: " + after);
    }

    @Test
    void drawSortResizeQuit() throws Exception {
        String uri = host();
        try (Pty pty = session(Project.launcher() + " -c " + uri + " top -d 0.3")) {
            pty.expect("top - \\d\\d:\\d\\d:\\d\\d, sample 1, every 0.3 s, 1 host; domains: 30 total, 20 running, "
                    + "10 paused, 0 shut off, 0 other\n");
            pty.expect("Sort: %CPU highest first, filter: none, shut off: shown; h for help\n"
                    + " ID  NAME   STATE    %CPU .*TIME\\+ *\n"
                    + " +1  vm-00  running ");
            pty.type("N");
            pty.expect("Sort: NAME A to Z,");
            pty.type("R");
            String reversed = pty.expect("Sort: NAME Z to A,[^\n]*\n[^\n]*\n[^\n]*\n");
            assertTrue(reversed.matches("(?s).*\\n +30  vm-29  paused [^\\n]*\\n$"), reversed);
            resize();
            // 15 rows: the sample, the host, the status and the header lines, 10 rows, and what is left out
            String seen = pty.expect("Sort: NAME Z to A,.*?\\.\\.\\. 20 more domains \\(o filters them\\)");
            String small = seen.substring(seen.lastIndexOf("Sort: NAME Z to A,"));
            assertTrue(small.contains("vm-20") && !small.contains("vm-19"), small);
            pty.type("q");
            pty.expect("status=0\n");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
            assertRestored(pty, true);
        }
    }

    @Test
    void ctrlCEndsTheViewAsQDoes() throws Exception {
        String uri = host();
        try (Pty pty = session(Project.launcher() + " -c " + uri + " top -d 0.3")) {
            pty.expect("Sort: %CPU highest first");
            pty.type("o");
            pty.expect("Filter \\(a host or domain name containing TEXT");
            pty.type("vm-1\r");
            String seen = pty.expect("filter: vm-1,[^\n]*\n[^\n]*\n(?: +\\d+  vm-1\\d [^\n]*\n){10}");
            String filtered = seen.substring(seen.lastIndexOf("filter: vm-1,"));
            assertTrue(!filtered.contains("vm-0") && !filtered.contains("vm-2"), filtered);
            pty.type("\u0003");
            pty.expect("status=0\n");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
            assertRestored(pty, true);
        }
    }

    /** In the shell the view takes the shell's terminal, and gives it back to the prompt. */
    @Test
    void inTheShell() throws Exception {
        String uri = host();
        String prompt = "lvsh \\(" + java.util.regex.Pattern.quote(uri) + "\\) # \\z";
        try (Pty pty = session(Project.launcher() + " -q -c " + uri)) {
            pty.expect(prompt);
            pty.type("top -d 0.3\r");
            pty.expect("Sort: %CPU highest first");
            pty.type("h");
            pty.expect("lvsh top: keys");
            pty.type(" ");
            pty.expect("Sort: %CPU highest first");
            pty.type("q");
            pty.expect(prompt);
            pty.type("uri\r");
            pty.expect(java.util.regex.Pattern.quote(uri) + "\n" + prompt);
            pty.type("quit\r");
            pty.expect("status=0\n");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
            assertRestored(pty, false);
        }
    }
}
