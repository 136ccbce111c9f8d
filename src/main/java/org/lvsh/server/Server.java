package org.lvsh.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.lvsh.Lvsh;
import org.lvsh.libvirt.CredentialPrompter;

/**
 * lvsh's optional command server (LVSH_SERVER=1): one warm JVM per user and jar that runs one-shot commands (and
 * scripts read from a file) for the launcher, so that a command costs a TCP round-trip on loopback instead of a
 * JVM start. It runs a command
 * exactly as a fresh process would (a new Lvsh, a new connection, nothing kept between commands) and sends back
 * its output, errors and exit status. Whatever it cannot do as the caller's own process would, it hands back
 * ("fall back"): credentials to ask on the caller's terminal, a different environment, a log file relative to
 * another directory. Listens on 127.0.0.1 only; every request carries a secret from a file only the user can
 * read. Exits after a quiet spell.
 */
public final class Server {
    /** The environment a command may depend on: a request with other values runs in its own JVM instead. */
    static final List<String> ENVIRONMENT = List.of("LVSH_DEFAULT_URI", "VIRSH_DEFAULT_CONNECT_URI",
            "LIBVIRT_DEFAULT_URI", "LIBVIRT_AUTH_FILE", "LIBVIRT_DEBUG", "LIBVIRT_LOG_FILTERS", "LIBVIRT_LOG_OUTPUTS",
            "LVSH_HOSTS", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HOME");
    private static final String MAGIC = "lvsh-request-1";
    private static final int REQUEST_TIMEOUT_MILLIS = 5_000;

    private final Path dir;
    private final long idleMillis;
    private final byte[] token;
    private long served;

    private Server(Path dir, long idleMillis) {
        this.dir = dir;
        this.idleMillis = idleMillis;
        this.token = new byte[32];
        new SecureRandom().nextBytes(token);
    }

    /** Serves until idle for {@code idleSeconds}; {@code dir} receives the address file. */
    public static void serve(Path dir, long idleSeconds) throws IOException {
        new Server(dir, idleSeconds * 1000).run();
    }

    private void run() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            publish(server.getLocalPort());
            server.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleMillis));
            while (true) {
                Socket client;
                try {
                    client = server.accept();
                } catch (SocketTimeoutException idle) {
                    break;
                }
                try (client) {
                    client.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
                    handle(new java.io.BufferedInputStream(client.getInputStream()), client.getOutputStream());
                } catch (IOException e) {
                    // a client that went away (Ctrl-C) or never spoke: next one
                }
            }
        } finally {
            Files.deleteIfExists(dir.resolve("server"));
        }
    }

    /** "PORT TOKEN PID" in a file only the user can read, written whole or not at all. */
    private void publish(int port) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rwx------")));
        for (Path p : new Path[] {dir.getParent(), dir}) {
            // A directory someone else made (in /tmp) could hand our secret to them: serve only from our own.
            if (!Files.getOwner(p).getName().equals(System.getProperty("user.name"))
                    || !PosixFilePermissions.toString(Files.getPosixFilePermissions(p)).endsWith("------")) {
                throw new IOException(p + " is not a private directory of this user");
            }
        }
        Path tmp = Files.createTempFile(dir, "server", ".tmp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, port + " " + HexFormat.of().formatHex(token) + " " + ProcessHandle.current().pid()
                + "\n");
        Files.move(tmp, dir.resolve("server"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void handle(InputStream in, OutputStream out) throws IOException {
        Request request = Request.read(in);
        if (request == null || !MAGIC.equals(request.magic())
                || !MessageDigest.isEqual(HexFormat.of().formatHex(token).getBytes(StandardCharsets.US_ASCII),
                        request.token().getBytes(StandardCharsets.US_ASCII))) {
            return; // not one of ours: say nothing
        }
        if (!runsHere(request)) {
            out.write("F\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        FallbackPrompter prompter = new FallbackPrompter();
        byte[] script = request.script().getBytes(StandardCharsets.UTF_8);
        int status = new Lvsh(new ByteArrayInputStream(script), new PrintStream(stdout, true,
                StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8), () -> false, prompter)
                .run(request.args().toArray(new String[0]));
        if (prompter.wanted) {
            out.write("F\n".getBytes(StandardCharsets.US_ASCII)); // credentials: the caller's terminal must ask
            return;
        }
        frame(out, 'O', stdout.toByteArray());
        frame(out, 'E', stderr.toByteArray());
        out.write(("X " + status + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        served++;
        Files.writeString(dir.resolve("served"), served + "\n"); // how many ran here: for tests and the curious
    }

    /** Whether this JVM can run the request as the caller's own process would. */
    private static boolean runsHere(Request request) {
        for (String key : ENVIRONMENT) {
            String mine = System.getenv(key);
            String theirs = request.environment().get(key);
            if (!(mine == null ? "" : mine).equals(theirs == null ? "" : theirs)) {
                return false;
            }
        }
        for (String arg : request.args()) {
            if (arg.equals("-l") || arg.startsWith("--log") || arg.startsWith("-l") && arg.length() > 2) {
                return false; // a log path relative to their directory
            }
        }
        // a command that waits for events, or keeps sampling (top), keeps its caller's process: a request here must end
        return commandWords(request).stream().noneMatch(Server::keepsRunning);
    }

    private static final org.lvsh.cli.CommandCatalog CATALOG = new org.lvsh.cli.CommandCatalog();

    static boolean keepsRunning(String command) {
        org.lvsh.cli.CommandCatalog.Entry e = CATALOG.find(command);
        return e != null && (e.has(org.lvsh.cli.CommandCatalog.Fact.WAITS_FOR_EVENTS)
                || e.has(org.lvsh.cli.CommandCatalog.Fact.KEEPS_RUNNING));
    }

    /** The command words a request would run (its one-shot line, or its script's lines), as the run reads them. */
    static List<String> commandWords(Request request) {
        List<String> words = new java.util.ArrayList<>();
        List<String> args = request.args();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            if (args.get(i).equals("--")) {
                i++;
                break;
            }
            i += org.lvsh.cli.GlobalOptions.takesValue(args.get(i)) ? 2 : 1;
        }
        List<String> lines = new java.util.ArrayList<>();
        if (i < args.size()) {
            lines.add(args.size() - i == 1 ? args.get(i) : org.lvsh.repl.CommandSplitter.quote(args.get(i)));
        }
        lines.addAll(request.script().lines().toList());
        for (String line : lines) {
            int command = -1;
            for (org.lvsh.repl.CommandSplitter.Word w : org.lvsh.repl.CommandSplitter.scan(line).words()) {
                if (w.command() != command) {
                    words.add(w.value()); // the first word of each command
                    command = w.command();
                }
            }
        }
        return words;
    }

    private static void frame(OutputStream out, char kind, byte[] data) throws IOException {
        out.write((kind + " " + data.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
    }

    /** Asked for credentials: there is no terminal here, so the request goes back to its caller. */
    private static final class FallbackPrompter implements CredentialPrompter {
        private volatile boolean wanted;

        @Override
        public char[] ask(String prompt, boolean echo) throws NoTerminalException {
            wanted = true;
            throw new NoTerminalException();
        }
    }

    /**
     * magic, token, then KEY=VALUE fields up to an empty one, the argument count, the arguments, and the
     * commands of script mode (the caller's stdin, a regular file; empty for one command).
     */
    record Request(String magic, String token, Map<String, String> environment, List<String> args, String script) {
        static Request read(InputStream in) throws IOException {
            Fields f = new Fields(in);
            String magic = f.next();
            String token = f.next();
            Map<String, String> env = new java.util.HashMap<>();
            for (String field = f.next(); field != null && !field.isEmpty(); field = f.next()) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    env.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
            String count = f.next();
            if (magic == null || token == null || count == null) {
                return null;
            }
            int n;
            try {
                n = Integer.parseInt(count);
            } catch (NumberFormatException e) {
                return null;
            }
            List<String> args = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String arg = f.next();
                if (arg == null) {
                    return null;
                }
                args.add(arg);
            }
            String script = f.next();
            return script == null ? null : new Request(magic, token, env, args, script);
        }
    }

    /** NUL-terminated UTF-8 fields, each at most 64 MiB. */
    private static final class Fields {
        private static final int MAX = 64 << 20;
        private final InputStream in;

        Fields(InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) > 0) { // buffered below: one read call per byte would be slow
                if (b.size() >= MAX) {
                    return null;
                }
                b.write(c);
            }
            return c < 0 ? null : b.toString(StandardCharsets.UTF_8);
        }
    }
}
