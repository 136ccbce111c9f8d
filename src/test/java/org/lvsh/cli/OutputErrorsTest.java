package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lvsh.Lvsh;
import org.lvsh.support.Run.Result;

/**
 * Output that cannot be written (a full disk, a closed stdout) is a failure a script can see, in every mode: one
 * error line with the system's reason, status 1; a command that failed already keeps its status. A reader that
 * stopped reading (a closed pipe, '| head') is status 1 without a line, as virsh ends quietly on SIGPIPE.
 */
class OutputErrorsTest {
    private static final String URI = "test:///default";
    private static final String FULL = "No space left on device";

    /** stdout on a full disk, or a closed pipe. */
    private static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    private static Result run(String reason, String stdin, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Lvsh(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), failing(reason),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> false).run(args);
        return new Result(status, "", err.toString(StandardCharsets.UTF_8));
    }

    private static void assertLost(Result r, String what) {
        assertEquals("error: cannot write output: No space left on device\n", r.err(), what);
        assertEquals(1, r.status(), what);
    }

    @Test
    void oneCommand() {
        assertLost(run(FULL, "", "-c", URI, "uri"), "uri");
        assertLost(run(FULL, "", "-c", URI, "--json", "nodeinfo"), "--json nodeinfo");
        assertLost(run(FULL, "", "help"), "help, which connects to nothing");
    }

    @Test
    void severalCommands() {
        assertLost(run(FULL, "", "-c", URI, "uri; hostname"), "uri; hostname");
    }

    @Test
    void scriptMode() {
        assertLost(run(FULL, "uri\nhostname\n", "-c", URI), "script");
    }

    /** The output error is reported once, after the command's own; the command's status stays. */
    @Test
    void aFailedCommandKeepsItsStatus() {
        Result r = run(FULL, "", "-c", URI, "uri; dominfo nosuch");
        assertEquals("error: failed to get domain 'nosuch'\nerror: cannot write output: No space left on device\n",
                r.err());
        assertEquals(1, r.status());
        r = run(FULL, "", "-c", URI, "uri; freecell --all --cellno 0");
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.equals("error: cannot write output: No space left on device"))
                .count(), r.err());
    }

    /**
     * A reader that takes the first write and stops (| head -1 once it has its line): a short answer leaves in one
     * write, its blank line included, as virsh's stdio gives it to the pipe, so the run succeeds as virsh's does.
     */
    @Test
    void aShortAnswerLeavesInOneWrite() {
        for (String command : new String[] {"list", "uri", "domid test", "nodeinfo", "list --all --json",
            "domstate test --reason"}) {
            ByteArrayOutputStream taken = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            OutputStream oneWrite = new OutputStream() {
                private boolean written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (written) {
                        throw new IOException("Broken pipe");
                    }
                    written = true;
                    taken.write(b, off, len);
                }
            };
            int status = new Lvsh(new ByteArrayInputStream(new byte[0]), oneWrite,
                    new PrintStream(err, true, StandardCharsets.UTF_8), () -> false).run(("-c " + URI + " " + command)
                    .split(" "));
            Result virsh = org.lvsh.support.Run.virsh(("-c " + URI + " " + command).split(" "));
            assertEquals(0, status, command + ": " + err);
            if (!command.contains("json")) {
                assertEquals(virsh.out(), taken.toString(StandardCharsets.UTF_8), command);
            }
        }
    }

    @Test
    void aClosedPipeIsStatusOneAndNoLine() {
        for (String[] args : new String[][] {{"-c", URI, "uri"}, {"-c", URI}}) {
            Result r = run("Broken pipe", "uri\nlist\n", args);
            assertEquals("", r.err());
            assertEquals(1, r.status());
        }
    }
}
