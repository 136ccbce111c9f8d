package org.lvsh.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One private, real libvirtd (QEMU driver, TCG guests, TCP+SASL on 127.0.0.1) for the whole test JVM, started on
 * first use by {@code src/test/daemon/testdaemon.sh} under {@code target/testdaemon-RANDOM/} and stopped by a
 * shutdown hook. Guests are defined with virsh on {@link #socketUri()}; {@link #uniqueName} keeps names apart.
 *
 * <p>The harness needs root and the packages of {@code bin/setup --tests}. Without them every test that asks for
 * the daemon FAILS (never skips) with the harness's reason: CI runs as root with the packages installed.
 */
public final class TestDaemon {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String RUN_ID = hex(3);
    private static final String NAME_PLACEHOLDER = "LVSHGUESTNAMEPLACEHOLDER";

    private static final Launch FIRST = new Launch("the test daemon");
    private static final Launch SECOND = new Launch("the second test daemon");

    private final Path dir;
    private final Path script;
    private volatile Map<String, String> vars;
    private String guestTemplate;
    private boolean stopped;

    private TestDaemon(Path dir) {
        this.dir = dir;
        this.script = Project.root().resolve("src/test/daemon/testdaemon.sh");
    }

    /** The daemon of this JVM, started on first use; a failed start fails every later call at once, too. */
    public static TestDaemon get() {
        return FIRST.get();
    }

    /**
     * A second daemon beside the first (its own DIR, sockets and TCP port, as testdaemon.sh allows), for tests of
     * several hosts that need two real libvirtds; started on first use, stopped at exit like the first.
     */
    public static TestDaemon second() {
        return SECOND.get();
    }

    /** One daemon of this JVM, started once; a failed start fails every later call at once, too. */
    private static final class Launch {
        private final String what;
        private TestDaemon instance;
        private AssertionError startFailure;

        Launch(String what) {
            this.what = what;
        }

        synchronized TestDaemon get() {
            if (startFailure != null) {
                throw new AssertionError(what + " could not start (see the first failure): "
                        + startFailure.getMessage(), startFailure);
            }
            if (instance == null) {
                try {
                    instance = launch();
                } catch (AssertionError e) {
                    startFailure = e;
                    throw e;
                }
            }
            return instance;
        }
    }

    private static TestDaemon launch() {
        String uid = run(List.of("id", "-u"), Map.of(), 10).out().trim();
        if (!"0".equals(uid)) {
            throw new AssertionError("the real-libvirtd integration tests need root (uid is " + uid + "): they run "
                    + "a private qemu:///system daemon; run them as root after `bin/setup --tests` (as CI does)");
        }
        Path dir = Project.root().resolve("target/testdaemon-" + hex(4));
        if (dir.toString().length() > 60) { // unix socket paths are short: DIR/sock/libvirt-sock-ro must fit
            try {
                dir = Files.createTempDirectory(Path.of("/tmp"), "lvshtd-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        TestDaemon d = new TestDaemon(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(d::shutdown, "testdaemon-stop"));
        d.start(freePort());
        return d;
    }

    private void start(int port) {
        Run.Result r = run(List.of("bash", script.toString(), "start", dir.toString(), Integer.toString(port)),
                Map.of(), 120);
        if (r.status() != 0) {
            throw new AssertionError("testdaemon.sh start failed (exit " + r.status() + "); the real-libvirtd tests "
                    + "need root and `bin/setup --tests` (libvirt-daemon, libvirt-daemon-driver-qemu, "
                    + "qemu-system-x86, sasl2-bin, the libvirt-qemu user):\n" + r.err());
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String line : r.out().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                parsed.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        for (String key : List.of("SOCKET_URI", "RO_SOCKET_URI", "TCP_URI", "TCP_PORT", "AUTH_FILE", "SASL_USER",
                "SASL_PASSWORD", "PID", "LOG_FILE", "DIR")) {
            if (!parsed.containsKey(key)) {
                throw new AssertionError("testdaemon.sh start printed no " + key + ":\n" + r.out() + r.err());
            }
        }
        vars = parsed;
    }

    // ---- what start printed ------------------------------------------------------------------------------

    public String socketUri() {
        return vars.get("SOCKET_URI");
    }

    public String roSocketUri() {
        return vars.get("RO_SOCKET_URI");
    }

    /** {@code qemu+tcp://127.0.0.1:PORT/system}: SASL DIGEST-MD5. */
    public String tcpUri() {
        return vars.get("TCP_URI");
    }

    /** {@link #tcpUri()} with {@code ?authfile=} the harness's credentials file. */
    public String tcpUriWithAuthFile() {
        return tcpUri() + "?authfile=" + authFile();
    }

    public int tcpPort() {
        return Integer.parseInt(vars.get("TCP_PORT"));
    }

    public String authFile() {
        return vars.get("AUTH_FILE");
    }

    public String saslUser() {
        return vars.get("SASL_USER");
    }

    public String saslPassword() {
        return vars.get("SASL_PASSWORD");
    }

    public long pid() {
        return Long.parseLong(vars.get("PID"));
    }

    public Path logFile() {
        return Path.of(vars.get("LOG_FILE"));
    }

    public Path dir() {
        return Path.of(vars.get("DIR"));
    }

    // ---- connection-loss helpers --------------------------------------------------------------------------

    /** SIGKILL to the daemon's PID (the one start printed, checked to be that libvirtd); waits until it is gone. */
    public synchronized void kill() {
        signal("KILL");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (isLibvirtd(pid())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("libvirtd " + pid() + " still alive 10 s after SIGKILL");
            }
            sleep(50);
        }
    }

    /** SIGSTOP: the daemon keeps its sockets but answers nothing (a silent peer). */
    public synchronized void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public synchronized void resume() {
        signal("CONT");
    }

    /** Starts the daemon again in the same DIR (same socket URIs; the same TCP port if it is still free). */
    public synchronized void restart() {
        if (isLibvirtd(pid())) {
            stopDaemon();
        }
        start(tcpPort());
    }

    /** True when the PID start printed is a live libvirtd (not a zombie). */
    public boolean alive() {
        return isLibvirtd(pid());
    }

    private void signal(String sig) {
        long pid = pid();
        if (!isLibvirtd(pid)) {
            throw new AssertionError("pid " + pid + " is not the test libvirtd any more; not sending SIG" + sig);
        }
        Run.Result r = run(List.of("kill", "-" + sig, Long.toString(pid)), Map.of(), 10);
        if (r.status() != 0) {
            throw new AssertionError("kill -" + sig + " " + pid + " failed: " + r.err());
        }
    }

    private static boolean isLibvirtd(long pid) {
        try {
            Path proc = Path.of("/proc/" + pid);
            String exe = Files.readSymbolicLink(proc.resolve("exe")).toString();
            if (!exe.endsWith("/libvirtd") && !exe.endsWith("/libvirtd (deleted)")) {
                return false;
            }
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("State:")) {
                    return !line.contains("Z") && !line.contains("X (dead)");
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- guests --------------------------------------------------------------------------------------------

    /** A guest name nobody else in this run uses: {@code it-RUNID-N-prefix}. */
    public static String uniqueName(String prefix) {
        return "it-" + RUN_ID + "-" + NAMES.incrementAndGet() + "-" + prefix;
    }

    /** The diskless TCG guest of src/test/daemon/guest.xml.in (64 MiB, 1 vcpu), named {@code name}. */
    public synchronized String guestXml(String name) {
        if (guestTemplate == null) {
            Run.Result r = run(List.of("bash", script.toString(), "guest-xml", NAME_PLACEHOLDER), Map.of(), 30);
            if (r.status() != 0) {
                throw new AssertionError("testdaemon.sh guest-xml failed: " + r.err());
            }
            guestTemplate = r.out();
        }
        return guestTemplate.replace(NAME_PLACEHOLDER, name);
    }

    /** Writes the guest's XML under DIR/xml/ and returns the file. */
    public Path guestXmlFile(String name) {
        try {
            Path xmlDir = dir().resolve("xml");
            Files.createDirectories(xmlDir);
            Path f = xmlDir.resolve(name + ".xml");
            Files.writeString(f, guestXml(name), StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A persistent guest, defined, not started. */
    public String define(String name) {
        virshOk("define", guestXmlFile(name).toString());
        return name;
    }

    /** A persistent guest, defined and started. */
    public String defineAndStart(String name) {
        define(name);
        virshOk("start", name);
        return name;
    }

    /** A transient guest (virsh create): running until destroyed, then gone. */
    public String createTransient(String name) {
        virshOk("create", guestXmlFile(name).toString());
        return name;
    }

    /** Destroys (if running) and undefines (if persistent); quiet about guests already gone. */
    public void remove(String... names) {
        if (!alive()) {
            return;
        }
        StringBuilder cmds = new StringBuilder();
        for (String n : names) {
            cmds.append("destroy ").append(n).append(" ; undefine ").append(n).append(" ; ");
        }
        virsh(cmds.toString()); // errors for guests not running or not persistent are expected
    }

    /** virsh on the daemon's read-write socket. */
    public Run.Result virsh(String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", socketUri()));
        command.addAll(List.of(args));
        return run(command, Map.of(), 120);
    }

    /** virsh on the read-write socket; fails the test if it fails. */
    public Run.Result virshOk(String... args) {
        Run.Result r = virsh(args);
        if (r.status() != 0) {
            throw new AssertionError("virsh " + String.join(" ", args) + " failed (" + r.status() + "): " + r.err());
        }
        return r;
    }

    // ---- stopping ------------------------------------------------------------------------------------------

    private synchronized void stopDaemon() {
        if (isLibvirtd(pid())) {
            // a SIGSTOPped daemon would ignore SIGTERM until continued
            run(List.of("kill", "-CONT", Long.toString(pid())), Map.of(), 10);
        }
        run(List.of("bash", script.toString(), "stop", dir.toString()), Map.of(), 60);
    }

    private synchronized void shutdown() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopDaemon();
        if (!Boolean.getBoolean("lvsh.testdaemon.keep")) {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // best effort: target/ is cleaned by mvn clean anyway
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    /** Runs a command with stdin from /dev/null, bounded by {@code seconds}. */
    public static Run.Result run(List<String> command, Map<String, String> env, int seconds) {
        try {
            Path out = Files.createTempFile("td-out", ".txt");
            Path err = Files.createTempFile("td-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().put("LC_ALL", "C.UTF-8");
                pb.environment().remove("LIBVIRT_DEFAULT_URI");
                pb.environment().remove("LVSH_DEFAULT_URI");
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError("timed out after " + seconds + " s: " + command + "\nstdout: "
                            + Files.readString(out) + "\nstderr: " + Files.readString(err));
                }
                return new Run.Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
