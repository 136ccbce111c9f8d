package org.lvsh.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program on a pseudo-terminal, driven like a person at a keyboard: util-linux script(1) allocates the pty
 * and makes it the controlling terminal, so Ctrl-C (\u0003) becomes SIGINT and /dev/tty works.
 */
public final class Pty implements AutoCloseable {
    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|[=>]|\\][^\u0007]*\u0007)");

    private final Process process;
    private final OutputStream keys;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Thread reader;
    private int consumed;

    private Pty(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        InputStream in = process.getInputStream();
        reader = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (screen) {
                        screen.write(buf, 0, n);
                        screen.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the program ended
            }
        }, "pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} (a shell command line) on a 120x40 terminal. */
    public static Pty start(String command, Map<String, String> env) {
        return startSized("cols 120 rows 40", command, env);
    }

    /** Starts {@code command} on a terminal sized by {@code stty} arguments ("cols 0 rows 0": one with no size). */
    public static Pty startSized(String sttySize, String command, Map<String, String> env) {
        List<String> argv = new ArrayList<>(List.of("script", "-qfec",
                "stty " + sttySize + " 2>/dev/null; exec " + command, "/dev/null"));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        pb.environment().remove("LVSH_DEFAULT_URI");
        pb.environment().put("LVSH_SERVER", "0"); // the warm path's own tests ask for it
        pb.environment().putAll(env);
        try {
            return new Pty(pb.start());
        } catch (IOException e) {
            throw new AssertionError("cannot start script(1): " + e, e);
        }
    }

    /** Types text (use \r for Enter, \t for Tab, \u0003 for Ctrl-C, \u0004 for Ctrl-D). */
    public Pty type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new AssertionError("the program is gone: " + e, e);
        }
        return this;
    }

    /**
     * Waits until the output since the last expect matches {@code regex} (escape sequences removed, \r dropped),
     * and returns that output up to the end of the match.
     */
    public String expect(String regex, Duration timeout) {
        Pattern p = Pattern.compile(regex, Pattern.DOTALL | Pattern.MULTILINE);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (screen) {
            while (true) {
                String text = plain(screen.toString(StandardCharsets.UTF_8));
                String fresh = text.substring(Math.min(consumed, text.length()));
                Matcher m = p.matcher(fresh);
                if (m.find()) {
                    consumed += m.end();
                    return fresh.substring(0, m.end());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for /" + regex + "/; screen since last match:\n"
                            + fresh);
                }
                try {
                    screen.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    public String expect(String regex) {
        return expect(regex, Duration.ofSeconds(20));
    }

    /** Everything printed so far, escape sequences removed. */
    public String all() {
        synchronized (screen) {
            return plain(screen.toString(StandardCharsets.UTF_8));
        }
    }

    /** The raw bytes printed so far, escape sequences included (to check what a terminal would show). */
    public String raw() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the program to end; returns its exit status. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running after " + timeout + "; screen:\n" + all());
            }
            reader.join(2000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The pid of script(1)'s child is not ours to know; signals go through the terminal (Ctrl-C) instead. */
    public long pid() {
        return process.pid();
    }

    public static String plain(String s) {
        return ANSI.matcher(s).replaceAll("").replace("\r", "");
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
