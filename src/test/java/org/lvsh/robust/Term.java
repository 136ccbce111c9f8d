package org.lvsh.robust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program on a pseudo-terminal through script(1), like org.lvsh.support.Pty, made for long sessions: an
 * expectation is matched against what arrived since the last one only (not the whole screen again), and must
 * end at the end of the output ({@code \z}), so that a match consumes everything received. Also finds the
 * program's own process (the child of script(1)) for signals, and types control characters literally.
 */
final class Term implements AutoCloseable {
    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|[=>]|\\][^\u0007]*\u0007)");

    private final Process process;
    private final OutputStream keys;
    private final Screen screen = new Screen();
    private final Thread reader;
    private int consumed;

    private Term(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        InputStream in = process.getInputStream();
        reader = new Thread(() -> {
            byte[] buf = new byte[65536];
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
        }, "term-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} (a shell command line) on a 120x40 terminal. */
    static Term start(String command, Map<String, String> env) {
        List<String> argv = new ArrayList<>(List.of("script", "-qfec",
                "stty cols 120 rows 40 2>/dev/null; exec " + command, "/dev/null"));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        pb.environment().remove("LVSH_DEFAULT_URI");
        pb.environment().remove("LIBVIRT_AUTH_FILE");
        pb.environment().put("LVSH_SERVER", "0"); // the warm path's own tests ask for it
        pb.environment().putAll(env);
        try {
            return new Term(pb.start());
        } catch (IOException e) {
            throw new AssertionError("cannot start script(1): " + e, e);
        }
    }

    Term type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new AssertionError("the program is gone: " + e + "\n" + tail(), e);
        }
        return this;
    }

    /**
     * Types {@code line} as literal text for JLine: control characters are quoted with Ctrl-V (quoted-insert),
     * except those the terminal turns into signals (Ctrl-C, Ctrl-\, Ctrl-Z), typed as '?'. Then Enter.
     */
    Term typeLiterally(String line) {
        StringBuilder b = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 0x03 || c == 0x1C || c == 0x1A) {
                b.append('?');
            } else if (c < 0x20 || c == 0x7F) {
                b.append('\u0016').append(c);
            } else {
                b.append(c);
            }
        }
        return type(b.append('\r').toString());
    }

    /**
     * Waits until the output since the last match (escape sequences removed, \r dropped) matches
     * {@code regex}, which should end in \z; returns that output.
     */
    String expect(String regex, Duration timeout) {
        Pattern p = Pattern.compile(regex, Pattern.DOTALL | Pattern.MULTILINE);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (screen) {
            int seen = -1;
            while (true) {
                int size = screen.size();
                if (size != seen) {
                    seen = size;
                    String fresh = plain(screen.text(consumed, size));
                    Matcher m = p.matcher(fresh);
                    if (m.find()) {
                        consumed = size;
                        return fresh;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for /" + regex + "/; output since last match:\n"
                            + tail());
                }
                try {
                    screen.wait(Math.max(1, Math.min(200, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    String expect(String regex) {
        return expect(regex, Duration.ofSeconds(30));
    }

    /** The last 3,000 characters since the last match, for failure messages. */
    String tail() {
        synchronized (screen) {
            String fresh = plain(screen.text(consumed, screen.size()));
            return fresh.length() > 3000 ? "..." + fresh.substring(fresh.length() - 3000) : fresh;
        }
    }

    /** Every byte the terminal showed, escape sequences included. */
    String raw() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running after " + timeout + "; output:\n" + tail());
            }
            reader.join(2000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** lvsh's JVM: the java process among script(1)'s descendants. */
    ProcessHandle java() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> java = process.descendants()
                    .filter(h -> h.info().command().map(c -> c.endsWith("/java") || c.equals("java")).orElse(false))
                    .findFirst();
            if (java.isPresent()) {
                return java.get();
            }
            sleep(50);
        }
        throw new AssertionError("no java process under script(1)");
    }

    /** Sends a signal by name (TERM, HUP, INT...) with kill(1). */
    static void signal(ProcessHandle target, String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(target.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + target.pid() + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Output so far; decoded in pieces without copying the whole buffer each time. */
    private static final class Screen extends ByteArrayOutputStream {
        Screen() {
            super(1 << 20);
        }

        synchronized String text(int from, int to) {
            return new String(buf, from, to - from, StandardCharsets.UTF_8);
        }
    }

    static String plain(String s) {
        return ANSI.matcher(s).replaceAll("").replace("\r", "");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
