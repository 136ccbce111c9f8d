package org.lvsh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.lvsh.cli.CommandCatalog;

/**
 * The workload the launcher records a class-data archive (AppCDS on JDK 17, the AOT cache on JDK 24+) from:
 * every command, its help, JSON and YAML output, errors, completion and the shell's classes, all against the
 * built-in test driver. Run by the launcher with LVSH_TRAIN=DIR, which also receives JNA's native library so
 * that later runs need not unpack it.
 */
final class Training {
    static final List<String> LINES = List.of(
            "nodeinfo", "uri", "hostname", "version", "version --daemon", "capabilities", "capabilities --xml",
            "freecell", "freecell 0", "freecell --all", "freepages 0 4K", "freepages --all", "list", "list --all",
            "list --all --title --managed-save", "list --name --uuid --id", "list --columns name,state --sort-by name",
            "dominfo test", "domstate test --reason", "domid test", "domname 1", "domuuid test", "event --list",
            "help", "help list", "help host", "list --help", "dominfo nosuch", "list --bogus", "freecell abc",
            "nodeinfo --json", "list --all --json", "dominfo test --json", "capabilities --json", "version --json",
            "freepages --all --json", "dominfo nosuch --json", "list -o yaml", "list -o csv", "list -o name",
            "connect test:///default", "complete -- dominfo ''", "complete -- list --", "complete -- ''",
            "maxvcpus", "nodecpumap --pretty", "nodecpustats", "nodecpustats --cpu 0 --json", "nodememstats",
            "sysinfo", "sysinfo --xml", "domstats", "domstats test --json", "top -b -n 2 -d 0", "top -b -n 1 --json",
            "echo --shell 'a b' c", "hosts", "server status",
            "exit", "quit");

    private Training() {
    }

    static void run(Path dir) throws IOException {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        InputStream none = new ByteArrayInputStream(new byte[0]);
        for (String line : LINES) {
            new Lvsh(none, sink, sink, () -> false).run(new String[] {"-c", "test:///default", line});
        }
        String script = String.join("\n", LINES) + "\n";
        new Lvsh(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), sink, sink, () -> false)
                .run(new String[] {"-c", "test:///default"});
        new CommandCatalog().visible().forEach(e -> new Lvsh(none, sink, sink, () -> false)
                .run(new String[] {"help", e.name()}));
        severalHosts(dir, none, sink);
        shellClasses();
        extractJnaLibrary(dir);
    }

    /** Runs over a set of hosts read from a hosts.yaml: the fleet's classes and the YAML reader's. */
    private static void severalHosts(Path dir, InputStream none, PrintStream sink) throws IOException {
        Path config = Files.createTempDirectory(dir, "hosts");
        try {
            Files.createDirectories(config.resolve("lvsh"));
            Files.writeString(config.resolve("lvsh/hosts.yaml"),
                    "hosts:\n  demo: test:///default\n  other: {uri: test:///default, timeout: 5}\n"
                            + "groups:\n  pair: [demo, other]\n");
            java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
            env.put("XDG_CONFIG_HOME", config.toString());
            for (String line : List.of("list --all", "nodeinfo", "dominfo test", "domstate test", "uri", "version",
                    "list --all --json", "nodeinfo --json", "hosts", "domstats --json", "top -b -n 2 -d 0")) {
                List<String> args = new java.util.ArrayList<>(List.of("-H", "@pair"));
                args.addAll(List.of(line.split(" ")));
                new Lvsh(none, sink, sink, () -> false, org.lvsh.libvirt.CredentialPrompter.NEVER, env)
                        .run(args.toArray(new String[0]));
            }
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(config)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The shell's line editor on a dumb terminal: loads the classes an interactive start needs. */
    private static void shellClasses() throws IOException {
        try (Terminal t = new DumbTerminal(new ByteArrayInputStream("uri\n".getBytes(StandardCharsets.UTF_8)),
                OutputStream.nullOutputStream())) {
            LineReader reader = LineReaderBuilder.builder().terminal(t).appName("lvsh").build();
            reader.readLine("lvsh # ");
        } catch (org.jline.reader.EndOfFileException e) {
            // the canned input ran out: the classes are loaded, which is all this is for
        }
    }

    /** JNA's libjnidispatch, unpacked once (the launcher then sets jna.boot.library.path and jna.nounpack). */
    private static void extractJnaLibrary(Path dir) throws IOException {
        String resource = "/com/sun/jna/" + com.sun.jna.Platform.RESOURCE_PREFIX + "/libjnidispatch.so";
        try (InputStream in = Training.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            Path jna = dir.resolve("jna");
            Files.createDirectories(jna);
            Path tmp = Files.createTempFile(jna, "libjnidispatch", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, jna.resolve("libjnidispatch.so"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static Path directory(String value) {
        return Paths.get(value);
    }
}
