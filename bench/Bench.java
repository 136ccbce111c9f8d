import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * lvsh against virsh, side by side in one run: each case runs both programs alternately, N times, and reports
 * the medians and their ratio (lvsh / virsh). Run through bench/run, which builds lvsh first.
 *
 * Cases, as installed (the warm path on, no environment set): one-shot nodeinfo, capabilities, list --all,
 * dominfo; the completion call; 1,000 one-shot calls in a shell loop; 200 one-shot calls at once (checked);
 * 1,000 commands on stdin; the shell's start to its first prompt; the shell's RSS after 10,000 commands; list
 * --all on 1,000 and 10,000 domains. Then the one-shot cases in a JVM of their own (LVSH_SERVER=0). With
 * --remote, list --all of 1,000 defined domains over TCP through a proxy that adds a delay each way and counts
 * round-trips (needs root: it starts a private libvirtd).
 */
public final class Bench {
    private static final Path ROOT = Paths.get(System.getProperty("lvsh.root", ".")).toAbsolutePath().normalize();
    private static final String LVSH = ROOT.resolve("bin/lvsh").toString();
    private static final String DEMO = "test:///default";
    private static final Map<String, String> RESULTS = new LinkedHashMap<>();
    private static Path work;

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int n = options.contains("--quick") ? 5 : 11;
        work = Files.createTempDirectory("lvsh-bench");
        warmUp();
        header();
        if (options.contains("--only-shell")) {
            shellStart(n);
            shellMemory();
            return;
        }
        if (options.contains("--only-fleet")) {
            Fleet.run(n);
            write();
            return;
        }
        if (options.contains("--only-remote")) {
            Remote.run(n);
            write();
            return;
        }
        if (options.contains("--only-top")) {
            topMemory();
            TopCost.run(n);
            write();
            return;
        }
        System.out.println("as installed (the warm path on):");
        oneShot("nodeinfo", n, "nodeinfo");
        oneShot("capabilities", n, "capabilities");
        oneShot("list --all", n, "list", "--all");
        oneShot("dominfo", n, "dominfo", "test");
        completion(n);
        shellLoop(options.contains("--quick") ? 1 : 3);
        atOnce(200);
        script(n);
        shellStart(n);
        shellMemory();
        bigList(1_000, n);
        bigList(10_000, Math.max(3, n / 2));
        topMemory();
        ownJvm(n);
        if (options.contains("--remote")) {
            Remote.run(n);
            Fleet.run(n);
            TopCost.run(n);
        }
        write();
    }

    /**
     * Lets the launcher record its class-data archive, and the first command leave its warm server, before
     * anything is timed: what a user has after the first command.
     */
    private static void warmUp() throws Exception {
        run(List.of(LVSH, "-c", DEMO, "uri"), null);
        for (int i = 0; i < 600 && !archiveReady(); i++) {
            Thread.sleep(100);
        }
        run(List.of(LVSH, "-c", DEMO, "uri"), null);
        for (int i = 0; i < 100 && !capture(List.of(LVSH, "server", "status")).contains("Servers:        1"); i++) {
            Thread.sleep(100);
        }
        for (int i = 0; i < 200; i++) { // the server's own first commands load and compile what they use
            run(List.of(LVSH, "-c", DEMO, i % 2 == 0 ? "dominfo" : "nodeinfo", "test"), null);
        }
    }

    private static String capture(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static boolean archiveReady() throws IOException {
        String cache = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        Path dir = Paths.get(System.getenv().getOrDefault("LVSH_CACHE_DIR", cache + "/lvsh"));
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var s = Files.walk(dir)) {
            List<String> paths = s.map(Path::toString).toList();
            return paths.stream().anyMatch(p -> p.endsWith("/lvsh.jsa") || p.endsWith("/lvsh.aot"))
                    && paths.stream().noneMatch(p -> p.endsWith(".lock"));
        }
    }

    private static void header() throws Exception {
        String java = new String(new ProcessBuilder("java", "-version").redirectErrorStream(true).start()
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("?");
        System.out.printf(Locale.ROOT, "lvsh vs virsh, %s, %s, %d cores%n%n", LocalDateTime.now().withNano(0), java,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-44s %12s %12s %8s%n", "case (median)", "virsh", "lvsh", "ratio");
    }

    private static void oneShot(String name, int n, String... command) throws Exception {
        List<String> virsh = new ArrayList<>(List.of("virsh", "-c", DEMO));
        List<String> lvsh = new ArrayList<>(List.of(LVSH, "-c", DEMO));
        virsh.addAll(List.of(command));
        lvsh.addAll(List.of(command));
        compare("one-shot " + name, n, virsh, lvsh, null);
    }

    private static void completion(int n) throws Exception {
        compare("completion (complete -- dominfo t)", n, List.of("virsh", "-c", DEMO, "complete", "--", "dominfo t"),
                List.of(LVSH, "-c", DEMO, "complete", "--", "dominfo", "t"), null);
    }

    private static void script(int n) throws Exception {
        String[] mix = {"nodeinfo", "list --all", "dominfo test", "domstate test --reason", "uri", "domid test",
            "freecell --all", "hostname", "version", "domuuid test"};
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            lines.append(mix[i % mix.length]).append('\n');
        }
        Path input = work.resolve("commands.txt");
        Files.writeString(input, lines);
        double[] t = compare("1,000 commands on stdin", n, List.of("virsh", "-c", DEMO), List.of(LVSH, "-c", DEMO),
                input);
        System.out.printf(Locale.ROOT, "%-44s %9.3f ms %9.3f ms%n", "  per command", t[0] / 1000, t[1] / 1000);
    }

    /** Time from starting the shell on a pseudo-terminal to its first prompt. */
    private static void shellStart(int n) throws Exception {
        double[] virsh = new double[n];
        double[] lvsh = new double[n];
        for (int i = 0; i < n; i++) {
            virsh[i] = untilPrompt("virsh -c " + DEMO, "virsh # ");
            lvsh[i] = untilPrompt(LVSH + " -c " + DEMO, "lvsh (test:///default) # ");
        }
        report("shell start to first prompt", median(virsh), median(lvsh), "ms");
    }

    private static double untilPrompt(String command, String prompt) throws Exception {
        Process p = new ProcessBuilder("script", "-qfec", "stty cols 120 rows 40; exec " + command, "/dev/null")
                .redirectErrorStream(true).start();
        long start = System.nanoTime();
        try {
            waitFor(p.getInputStream(), prompt, 60_000);
            return (System.nanoTime() - start) / 1e6;
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** RSS of the shell process after 5,000 and 10,000 commands typed at its prompt. */
    private static void shellMemory() throws Exception {
        long[] v = rssAfter("virsh -c " + DEMO, "virsh # ", "virsh");
        long[] l = rssAfter(LVSH + " -c " + DEMO, "lvsh (test:///default) # ", "java");
        report("shell RSS after 10,000 commands", v[1] / 1024.0, l[1] / 1024.0, "MiB");
        System.out.printf(Locale.ROOT, "%-44s %9.1f MiB %9.1f MiB%n", "  growth from 5,000 to 10,000 commands",
                (v[1] - v[0]) / 1024.0, (l[1] - l[0]) / 1024.0);
    }

    private static long[] rssAfter(String command, String prompt, String processName) throws Exception {
        Process p = new ProcessBuilder("script", "-qfec", "stty cols 120 rows 40; exec " + command, "/dev/null")
                .redirectErrorStream(true).start();
        try {
            InputStream in = p.getInputStream();
            OutputStream keys = p.getOutputStream();
            waitFor(in, prompt, 60_000);
            String[] mix = {"nodeinfo", "list --all", "dominfo test", "domstate test", "uri"};
            long[] rss = new long[2];
            for (int i = 1; i <= 10_000; i++) {
                keys.write((mix[i % mix.length] + "\r").getBytes(StandardCharsets.UTF_8));
                keys.flush();
                waitFor(in, prompt, 60_000);
                if (i == 5_000 || i == 10_000) {
                    rss[i / 5_000 - 1] = rssKib(p, processName);
                }
            }
            return rss;
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static long rssKib(Process script, String name) throws IOException {
        for (ProcessHandle h : script.descendants().toList()) {
            String cmd = h.info().command().orElse("");
            if (cmd.endsWith("/" + name) || cmd.equals(name)) {
                for (String line : Files.readAllLines(Paths.get("/proc/" + h.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            }
        }
        throw new IOException("no " + name + " process under script(1)");
    }

    private static void bigList(int domains, int n) throws Exception {
        Path file = work.resolve("node-" + domains + ".xml");
        StringBuilder xml = new StringBuilder("<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n"
                + "<cpu><mhz>2600</mhz><model>x86_64</model><nodes>2</nodes><sockets>2</sockets><cores>4</cores>"
                + "<threads>2</threads></cpu><memory>16777216</memory>\n");
        int[] states = {1, 3, 5};
        for (int i = 0; i < domains; i++) {
            xml.append("<domain type='test'><name>vm-").append(i).append("</name><memory unit='MiB'>64</memory>")
                    .append("<vcpu>1</vcpu><os><type>hvm</type></os><test:runstate>").append(states[i % 3])
                    .append("</test:runstate></domain>\n");
        }
        Files.writeString(file, xml.append("</node>\n"));
        String uri = "test://" + file;
        compare(String.format(Locale.ROOT, "list --all, %,d domains", domains), n,
                List.of("virsh", "-c", uri, "list", "--all"), List.of(LVSH, "-c", uri, "list", "--all"), null);
    }

    /** 1,000 one-shot calls in a shell loop, as scripts call them. */
    private static void shellLoop(int n) throws Exception {
        String loop = "for i in $(seq 1000); do \"$0\" -c " + DEMO + " nodeinfo >/dev/null; done";
        double[] t = compare("1,000 one-shot calls in a shell loop", n, List.of("bash", "-c", loop, "virsh"),
                List.of("bash", "-c", loop, LVSH), null);
        System.out.printf(Locale.ROOT, "%-44s %9.3f ms %9.3f ms%n", "  per call", t[0] / 1000, t[1] / 1000);
    }

    /** {@code count} one-shot dominfo calls started at once: the time until all ended, and every answer checked. */
    private static void atOnce(int count) throws Exception {
        String expected = capture(List.of("virsh", "-c", DEMO, "dominfo", "test")).replaceAll("CPU time:.*\n", "");
        double[] times = new double[2];
        int i = 0;
        for (String program : List.of("virsh", LVSH)) {
            List<Process> all = new ArrayList<>();
            List<Path> errs = new ArrayList<>();
            long start = System.nanoTime();
            for (int k = 0; k < count; k++) {
                Path err = work.resolve("err-" + k);
                errs.add(err);
                all.add(new ProcessBuilder(program, "-c", DEMO, "dominfo", "test").redirectError(err.toFile()).start());
            }
            int wrong = 0;
            for (Process p : all) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0 || !out.replaceAll("CPU time:.*\n", "").equals(expected)) {
                    wrong++;
                }
            }
            times[i++] = (System.nanoTime() - start) / 1e6;
            long stderr = 0;
            for (Path e : errs) {
                stderr += Files.size(e);
            }
            System.out.printf(Locale.ROOT, "%-44s %s: %d of %d answers as virsh's, %d bytes on stderr%n",
                    "  " + count + " at once", program.equals("virsh") ? "virsh" : "lvsh", count - wrong, count,
                    stderr);
        }
        report(count + " one-shot calls at once (all ended)", times[0], times[1], "ms");
    }

    /** The one-shot cases in a JVM of their own (LVSH_SERVER=0), for reference. */
    private static void ownJvm(int n) throws Exception {
        System.out.println("\nin a JVM of its own (LVSH_SERVER=0):");
        List<String> own = List.of("env", "LVSH_SERVER=0", LVSH);
        for (String[] c : new String[][] {{"nodeinfo"}, {"capabilities"}, {"list", "--all"}, {"dominfo", "test"}}) {
            compare("own JVM: one-shot " + String.join(" ", c), n, concat(List.of("virsh"), "-c", DEMO, c),
                    concat(own, "-c", DEMO, c), null);
        }
        compare("own JVM: completion (complete -- dominfo t)", n,
                List.of("virsh", "-c", DEMO, "complete", "--", "dominfo t"),
                concat(own, "-c", DEMO, "complete", "--", "dominfo", "t"), null);
        compare("own JVM: 1,000 commands on stdin", n, List.of("virsh", "-c", DEMO), concat(own, "-c", DEMO),
                work.resolve("commands.txt"));
    }

    private static List<String> concat(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }

    private static List<String> concat(List<String> head, String a, String b, String... rest) {
        List<String> all = new ArrayList<>(head);
        all.add(a);
        all.add(b);
        all.addAll(List.of(rest));
        return all;
    }

    /** Runs both commands alternately n times; returns the medians {virsh, lvsh} in ms. */
    static double[] compare(String name, int n, List<String> virsh, List<String> lvsh, Path stdin) throws Exception {
        double[] v = new double[n];
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = run(virsh, stdin);
            l[i] = run(lvsh, stdin);
        }
        double mv = median(v);
        double ml = median(l);
        report(name, mv, ml, "ms");
        return new double[] {mv, ml};
    }

    static void report(String name, double virsh, double lvsh, String unit) {
        String line = String.format(Locale.ROOT, "%-44s %9.1f %-3s%8.1f %-3s%7.2fx", name, virsh, unit, lvsh, unit,
                lvsh / virsh);
        System.out.println(line);
        RESULTS.put(name, String.format(Locale.ROOT, "%.1f %.1f %s %.2f", virsh, lvsh, unit, lvsh / virsh));
    }

    static double run(List<String> command, Path stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** As {@link #run(List, Path)}, with variables added to the environment. */
    static double run(List<String> command, Path stdin, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * top -b's resident memory over many refreshes: a test-driver host of 200 domains sampled back to back (-d 0),
     * CSV read as it comes; VmRSS after 100 samples, 1,200 (an hour at top's 3 s), 3,600 (an hour at 1 s) and 7,200.
     * Once with the launcher's flags for a one-shot command, once with the shell's (bounded heap) through
     * LVSH_JAVA_OPTS, to show what the launcher would give a long-running command.
     */
    private static void topMemory() throws Exception {
        Path file = work.resolve("node-top-200.xml");
        StringBuilder xml = new StringBuilder("<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n"
                + "<cpu><mhz>2600</mhz><model>x86_64</model><nodes>2</nodes><sockets>2</sockets><cores>4</cores>"
                + "<threads>2</threads></cpu><memory>16777216</memory>\n");
        for (int i = 0; i < 200; i++) {
            xml.append("<domain type='test'><name>vm-").append(i).append("</name><memory unit='MiB'>64</memory>")
                    .append("<vcpu>1</vcpu><os><type>hvm</type></os><test:runstate>").append(1 + i % 3 * 2)
                    .append("</test:runstate></domain>\n");
        }
        Files.writeString(file, xml.append("</node>\n"));
        int[] marks = {100, 1_200, 3_600, 7_200};
        System.out.println("\ntop -b, 200 domains, samples back to back (-d 0), -o csv: RSS (MiB) after");
        System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s %8s %9s%n", "  samples", "100", "1,200", "3,600", "7,200",
                "growth");
        String shellFlags = "-Xms8m -Xmx48m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k "
                + "-XX:ReservedCodeCacheSize=32m";
        for (String[] flags : new String[][] {{"launcher's one-shot flags", ""}, {"shell's flags (LVSH_JAVA_OPTS)",
                shellFlags}}) {
            ProcessBuilder pb = new ProcessBuilder(LVSH, "-c", "test://" + file, "top", "-b", "-d", "0", "-o", "csv",
                    "--no-headers").redirectError(ProcessBuilder.Redirect.DISCARD);
            if (!flags[1].isEmpty()) {
                pb.environment().put("LVSH_JAVA_OPTS", flags[1]);
                pb.environment().put("MALLOC_ARENA_MAX", "2");
            }
            Process p = pb.start();
            long[] rss = new long[marks.length];
            long start = System.nanoTime();
            try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    p.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
                int next = 0;
                int last = 0;
                for (String line; next < marks.length && (line = in.readLine()) != null; ) {
                    int sample = Integer.parseInt(line.substring(0, line.indexOf(',')));
                    if (sample != last) {
                        last = sample;
                        if (sample == marks[next] + 1) { // the mark's sample is all out: the next has begun
                            rss[next++] = rssOf(p.pid());
                        }
                    }
                }
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  %-42s %8.1f %8.1f %8.1f %8.1f %8.1f%%   (%.1f ms a sample)%n", flags[0],
                    rss[0] / 1024.0, rss[1] / 1024.0, rss[2] / 1024.0, rss[3] / 1024.0,
                    (rss[3] - rss[1]) * 100.0 / rss[1], seconds * 1000 / marks[marks.length - 1]);
            RESULTS.put("top -b RSS MiB at 100/1200/3600/7200 samples, " + flags[0], String.format(Locale.ROOT,
                    "%.1f %.1f %.1f %.1f", rss[0] / 1024.0, rss[1] / 1024.0, rss[2] / 1024.0, rss[3] / 1024.0));
        }
    }

    /** VmRSS of a process, in KiB (the launcher execs java: its pid is the JVM's). */
    private static long rssOf(long pid) throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void waitFor(InputStream in, String text, long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (System.currentTimeMillis() < deadline) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("ended before '" + text + "': " + seen);
            }
            seen.write(buf, 0, n);
            String s = seen.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;?]*[a-zA-Z]|\u001B[=>]", "");
            if (s.endsWith(text)) {
                return;
            }
        }
        throw new IOException("timed out waiting for '" + text + "'");
    }

    private static void write() throws IOException {
        Path dir = ROOT.resolve("bench/results");
        Files.createDirectories(dir);
        StringBuilder out = new StringBuilder("# case: virsh lvsh unit ratio (lvsh / virsh), " + LocalDateTime.now()
                .withNano(0) + "\n");
        RESULTS.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        Files.writeString(dir.resolve("latest.txt"), out);
        System.out.println("\nwritten to " + dir.resolve("latest.txt"));
    }

    /**
     * list --all of 1,000 defined domains over TCP, through a proxy adding a fixed delay each way. Round-trips
     * are counted by the proxy: one each time the traffic turns from the client's direction to the server's.
     */
    static final class Remote {
        static final int DELAY_MS = 5;
        private static final int DOMAINS = 1_000;

        static void run(int n) throws Exception {
            Path dir = Paths.get(ROOT.resolve("target").toString(), "bench-daemon");
            String daemon = ROOT.resolve("src/test/daemon/testdaemon.sh").toString();
            Map<String, String> env = startDaemon(daemon, dir);
            try {
                define(daemon, env.get("SOCKET_URI"));
                int port = Integer.parseInt(env.get("TCP_PORT"));
                try (Proxy proxy = new Proxy(port, DELAY_MS)) {
                    String uri = "qemu+tcp://127.0.0.1:" + proxy.port() + "/system?authfile=" + env.get("AUTH_FILE");
                    proxy.reset();
                    Bench.run(List.of("virsh", "-c", uri, "list", "--all"), null);
                    int virshTrips = proxy.reset();
                    Bench.run(List.of(LVSH, "-c", uri, "list", "--all"), null);
                    int lvshTrips = proxy.reset();
                    System.out.printf(Locale.ROOT, "%-44s %9d     %8d     %7.3fx%n",
                            "round-trips, list --all over TCP, 1,000 dom.", virshTrips, lvshTrips,
                            lvshTrips / (double) virshTrips);
                    RESULTS.put("round-trips list --all 1,000 domains TCP", virshTrips + " " + lvshTrips);
                    compare(String.format(Locale.ROOT, "list --all over TCP +%dms each way, 1,000 dom.", DELAY_MS),
                            Math.max(3, n / 3), List.of("virsh", "-c", uri, "list", "--all"),
                            List.of(LVSH, "-c", uri, "list", "--all"), null);
                }
            } finally {
                new ProcessBuilder("bash", daemon, "stop", dir.toString()).inheritIO().start().waitFor();
            }
        }

        static Map<String, String> startDaemon(String daemon, Path dir) throws Exception {
            new ProcessBuilder("bash", daemon, "stop", dir.toString()).start().waitFor();
            Process p = new ProcessBuilder("bash", daemon, "start", dir.toString(), "16609")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("cannot start the daemon (root needed): " + out);
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return env;
        }

        private static void define(String daemon, String socketUri) throws Exception {
            define(daemon, socketUri, DOMAINS);
        }

        static void define(String daemon, String socketUri, int domains) throws Exception {
            StringBuilder commands = new StringBuilder();
            for (int i = 0; i < domains; i++) {
                String xml = new String(new ProcessBuilder("bash", daemon, "guest-xml", "bench-" + i).start()
                        .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                Path f = work.resolve("guest-" + i + ".xml");
                Files.writeString(f, xml);
                commands.append("define ").append(f).append('\n');
            }
            Path script = work.resolve("define.txt");
            Files.writeString(script, commands);
            Bench.run(List.of("virsh", "-q", "-c", socketUri), script);
        }
    }

    /**
     * Several hosts at once: 20 hosts of 200 domains each, as 20 delaying proxies (+5 ms each way) in front of one
     * private libvirtd. lvsh -H over the 20 against the loop a virsh user writes today, and against one host.
     */
    static final class Fleet {
        private static final int HOSTS = 20;
        private static final int DOMAINS = 200;

        static void run(int n) throws Exception {
            Path dir = Paths.get(ROOT.resolve("target").toString(), "bench-daemon");
            String daemon = ROOT.resolve("src/test/daemon/testdaemon.sh").toString();
            Map<String, String> env = Remote.startDaemon(daemon, dir);
            List<Proxy> proxies = new ArrayList<>();
            try {
                Remote.define(daemon, env.get("SOCKET_URI"), DOMAINS);
                int port = Integer.parseInt(env.get("TCP_PORT"));
                List<String> uris = new ArrayList<>();
                for (int i = 0; i < HOSTS; i++) {
                    Proxy p = new Proxy(port, Remote.DELAY_MS);
                    proxies.add(p);
                    uris.add("qemu+tcp://127.0.0.1:" + p.port() + "/system?authfile=" + env.get("AUTH_FILE"));
                }
                StringBuilder loop = new StringBuilder();
                for (String u : uris) {
                    loop.append("virsh -c '").append(u).append("' list --all; ");
                }
                List<String> virshLoop = List.of("sh", "-c", loop.toString());
                List<String> lvshSet = List.of(LVSH, "-H", String.join(",", uris), "list", "--all");
                List<String> lvshOne = List.of(LVSH, "-c", uris.get(0), "list", "--all");
                proxies.forEach(Proxy::reset);
                Bench.run(lvshSet, null);
                int trips = proxies.stream().mapToInt(Proxy::reset).sum();
                Bench.run(virshLoop, null);
                int virshTrips = proxies.stream().mapToInt(Proxy::reset).sum();
                System.out.printf(Locale.ROOT, "%-44s %9.1f     %8.1f     %7.3fx%n",
                        "round-trips per host, list --all, 200 dom.", virshTrips / (double) HOSTS,
                        trips / (double) HOSTS, trips / (double) virshTrips);
                RESULTS.put("round-trips per host -H list --all 20x200", virshTrips / HOSTS + " " + trips / HOSTS);
                compare(String.format(Locale.ROOT, "20 hosts x 200 dom., virsh loop vs lvsh -H"),
                        Math.max(3, n / 3), virshLoop, lvshSet, null);
                compare("one host of them vs lvsh -H all 20", Math.max(3, n / 3), lvshOne, lvshSet, null);
                // the default --parallel (16) takes 20 hosts in two waves; all at once shows what one wave costs
                List<String> lvshAll = List.of(LVSH, "-H", String.join(",", uris), "--parallel", "20", "list", "--all");
                compare("one host vs lvsh -H all 20 --parallel 20", Math.max(3, n / 3), lvshOne, lvshAll, null);
                // in JVMs of their own (LVSH_SERVER=0): each run pays a JVM start, as before the warm path
                List<String> own = List.of("env", "LVSH_SERVER=0");
                compare("own JVM: one host vs lvsh -H all 20", Math.max(3, n / 3), concat(own, lvshOne),
                        concat(own, lvshSet), null);
            } finally {
                for (Proxy p : proxies) {
                    p.close();
                }
                new ProcessBuilder("bash", daemon, "stop", dir.toString()).inheritIO().start().waitFor();
            }
        }
    }

    /**
     * top's cost per refresh on one host over TCP through the delaying proxy (+5 ms each way), with 1 and 1,000
     * domains (one running guest, the rest defined): lvsh's top (one bulk call, node CPU and memory statistics),
     * virsh domstats (one bulk call, no host figures) and virt-top's pattern (one bulk call, then a lookup per
     * domain: here virsh's domid by UUID, one call each). Calls are counted in libvirt's client log; a refresh's
     * cost is the difference between runs of K refreshes and of one, so connecting is left out.
     */
    static final class TopCost {
        private static final String CALL = "virNetClientCallNew";

        static void run(int n) throws Exception {
            // a daemon of its own, started empty: the other cases leave 1,000 persistent domains in theirs
            Path dir = Paths.get(ROOT.resolve("target").toString(), "bench-daemon-top");
            String daemon = ROOT.resolve("src/test/daemon/testdaemon.sh").toString();
            new ProcessBuilder("bash", daemon, "stop", dir.toString()).start().waitFor();
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Map<String, String> env = Remote.startDaemon(daemon, dir);
            String socket = env.get("SOCKET_URI");
            try {
                Remote.define(daemon, socket, 1);
                Bench.run(List.of("virsh", "-q", "-c", socket, "start", "bench-0"), null);
                System.out.println("\ntop: one host over TCP +" + Remote.DELAY_MS + " ms each way, per refresh "
                        + "(lvsh top -b -d 0; virsh domstats; virt-top's pattern = domstats + a lookup per domain)");
                System.out.printf(Locale.ROOT, "%-30s %12s %14s %16s %10s %10s%n", "", "lvsh top", "virsh domstats",
                        "virt-top pattern", "/domstats", "/virt-top");
                measure(env, socket, 1, n);
                defineMore(daemon, socket, 1, 1_000);
                measure(env, socket, 1_000, n);
            } finally {
                new ProcessBuilder("bash", daemon, "stop", dir.toString()).inheritIO().start().waitFor();
            }
        }

        private static void defineMore(String daemon, String socket, int from, int to) throws Exception {
            StringBuilder commands = new StringBuilder();
            for (int i = from; i < to; i++) {
                String xml = new String(new ProcessBuilder("bash", daemon, "guest-xml", "bench-" + i).start()
                        .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                Path f = work.resolve("guest-" + i + ".xml");
                Files.writeString(f, xml);
                commands.append("define ").append(f).append('\n');
            }
            Path script = work.resolve("define-more.txt");
            Files.writeString(script, commands);
            Bench.run(List.of("virsh", "-q", "-c", socket), script);
        }

        private static void measure(Map<String, String> env, String socket, int domains, int n) throws Exception {
            int port = Integer.parseInt(env.get("TCP_PORT"));
            try (Proxy proxy = new Proxy(port, Remote.DELAY_MS)) {
                String uri = "qemu+tcp://127.0.0.1:" + proxy.port() + "/system?authfile=" + env.get("AUTH_FILE");
                List<String> uuids = new ArrayList<>();
                ProcessBuilder list = new ProcessBuilder("virsh", "-q", "-c", socket, "list", "--all", "--uuid");
                for (String line : new String(list.start().getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .split("\n")) {
                    if (!line.isBlank()) {
                        uuids.add(line.strip());
                    }
                }
                int k = domains == 1 ? 21 : 11;
                Case lvsh = new Case(refreshes -> List.of(LVSH, "-c", uri, "top", "-b", "-q", "-d", "0", "-n",
                        Integer.toString(refreshes)), refreshes -> null);
                Case domstats = new Case(refreshes -> List.of("virsh", "-q", "-c", uri),
                        refreshes -> script("domstats\n", refreshes));
                StringBuilder oneRefresh = new StringBuilder("domstats\n");
                for (String u : uuids) {
                    oneRefresh.append("domid ").append(u).append('\n');
                }
                Case virtTop = new Case(refreshes -> List.of("virsh", "-q", "-c", uri),
                        refreshes -> script(oneRefresh.toString(), refreshes));
                double[] calls = {lvsh.calls(k), domstats.calls(k), virtTop.calls(domains == 1 ? k : 2)};
                int reps = Math.max(3, n / 3);
                double[] ms = {lvsh.millis(k, reps), domstats.millis(k, reps),
                    virtTop.millis(domains == 1 ? k : 2, domains == 1 ? reps : 1)};
                double own = ownMillis(uri, k);
                String label = String.format(Locale.ROOT, "%,d domain%s", domains, domains == 1 ? "" : "s");
                System.out.printf(Locale.ROOT, "  %-28s %12.1f %14.1f %16.1f %9.2fx %9.3fx%n", label + ": calls",
                        calls[0], calls[1], calls[2], calls[0] / calls[1], calls[0] / calls[2]);
                System.out.printf(Locale.ROOT, "  %-28s %9.1f ms %11.1f ms %13.1f ms %9.2fx %9.3fx%n",
                        label + ": time", ms[0], ms[1], ms[2], ms[0] / ms[1], ms[0] / ms[2]);
                System.out.printf(Locale.ROOT, "  %-28s %9.1f ms%n", label + ": a sample, lvsh's own", own);
                RESULTS.put("top ms per sample TCP +5ms, lvsh's own figure, " + label, String.format(Locale.ROOT,
                        "%.1f", own));
                RESULTS.put("top calls per refresh, " + label + " (lvsh domstats virt-top)", String.format(
                        Locale.ROOT, "%.1f %.1f %.1f", calls[0], calls[1], calls[2]));
                RESULTS.put("top ms per refresh TCP +5ms, " + label + " (lvsh domstats virt-top)", String.format(
                        Locale.ROOT, "%.1f %.1f %.1f", ms[0], ms[1], ms[2]));
            }
        }

        /**
         * How long a sample takes by lvsh's own clock, the median of its host lines' "in X ms" from the second
         * sample on: a steadier figure than process times on a busy machine.
         */
        private static double ownMillis(String uri, int k) throws Exception {
            Path out = Files.createTempFile(work, "top", ".txt");
            Process p = new ProcessBuilder(LVSH, "-c", uri, "top", "-b", "-d", "0", "-n", Integer.toString(k))
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(600, TimeUnit.SECONDS);
            List<Double> took = new ArrayList<>();
            java.util.regex.Pattern in = java.util.regex.Pattern.compile("^Host .* in ([0-9.]+) ms");
            for (String line : Files.readAllLines(out)) {
                java.util.regex.Matcher m = in.matcher(line);
                if (m.find()) {
                    took.add(Double.parseDouble(m.group(1)));
                }
            }
            return median(took.subList(1, took.size()).stream().mapToDouble(Double::doubleValue).toArray());
        }

        private static Path script(String refresh, int refreshes) {
            try {
                Path f = Files.createTempFile(work, "refreshes", ".txt");
                Files.writeString(f, refresh.repeat(refreshes));
                return f;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** A way of refreshing: its command and stdin for a number of refreshes. */
        private record Case(java.util.function.IntFunction<List<String>> command,
                            java.util.function.IntFunction<Path> stdin) {
            /** Calls per refresh: (calls for k refreshes - calls for one) / (k - 1). */
            double calls(int k) throws Exception {
                return (count(k) - count(1)) / (double) (k - 1);
            }

            private int count(int refreshes) throws Exception {
                Path log = Files.createTempFile(work, "rpc", ".log");
                Bench.run(command.apply(refreshes), stdin.apply(refreshes), Map.of("LIBVIRT_LOG_FILTERS",
                        "1:rpc.netclient", "LIBVIRT_LOG_OUTPUTS", "1:file:" + log));
                try (var lines = Files.lines(log)) {
                    return (int) lines.filter(l -> l.contains(CALL)).count();
                }
            }

            /** Milliseconds per refresh: medians of runs of k refreshes and of one, their difference / (k - 1). */
            double millis(int k, int reps) throws Exception {
                double[] many = new double[reps];
                double[] one = new double[reps];
                for (int i = 0; i < reps; i++) {
                    many[i] = Bench.run(command.apply(k), stdin.apply(k));
                    one[i] = Bench.run(command.apply(1), stdin.apply(1));
                }
                return (median(many) - median(one)) / (k - 1);
            }
        }
    }

    /** A loopback TCP proxy delaying each chunk by a fixed time, in order, and counting direction changes. */
    static final class Proxy implements AutoCloseable {
        private final ServerSocket server;
        private final List<ScheduledExecutorService> delays = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicInteger trips = new AtomicInteger();
        private volatile int lastDirection;

        Proxy(int target, int delayMs) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = server.accept();
                        Socket upstream = new Socket();
                        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target));
                        // as libvirt's own sockets: without it, Nagle holds a second call's bytes behind the first's
                        client.setTcpNoDelay(true);
                        upstream.setTcpNoDelay(true);
                        pump(client, upstream, 1, delayMs);
                        pump(upstream, client, 2, delayMs);
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "proxy-accept");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        /** The round-trips counted since the last reset. */
        int reset() {
            lastDirection = 0;
            return trips.getAndSet(0);
        }

        private void pump(Socket from, Socket to, int direction, int delayMs) {
            // One scheduler per direction: chunks leave in the order they came.
            ScheduledExecutorService delay = Executors.newSingleThreadScheduledExecutor();
            delays.add(delay);
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65536];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    long lastDue = 0;
                    while ((n = in.read(buf)) > 0) {
                        if (direction == 1 && lastDirection != 1) {
                            trips.incrementAndGet();
                        }
                        lastDirection = direction;
                        byte[] chunk = Arrays.copyOf(buf, n);
                        long due = Math.max(System.nanoTime() + delayMs * 1_000_000L, lastDue);
                        lastDue = due;
                        delay.schedule(() -> {
                            try {
                                out.write(chunk);
                                out.flush();
                            } catch (IOException e) {
                                // the other side went away
                            }
                        }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
                    }
                } catch (IOException e) {
                    // connection closed
                } finally {
                    // the chunks still due go out, then its thread ends: kept, each connection left two threads
                    // behind until the proxy closed (a long-lived proxy ran the machine out of threads)
                    delay.shutdown();
                    delays.remove(delay);
                }
            }, "proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            delays.forEach(ScheduledExecutorService::shutdownNow);
        }
    }

}
