package org.lvsh.server;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jdk.net.ExtendedSocketOptions;

/**
 * The warm path: one JVM of the user's, for one jar and one process environment, that runs lvsh's one-shot
 * commands, command strings, scripts and completion calls for bin/lvsh so that they cost no JVM start. It listens
 * on a unix socket in the user's private directory ({@link WarmPlace}), serves only its own user (the peer's
 * credentials are checked on every connection), serves callers at once and independently (one stuck caller delays
 * nobody else), and goes away after a quiet spell. A lock held for its whole life makes it the only one for its
 * socket: a socket left by a dead server is replaced, never connected to by mistake.
 */
public final class WarmServer {
    /** Callers served at once; past that, a caller runs in its own process. */
    static final int MAX_CALLERS = 256;

    private final Path socket;
    private final long idleMillis;
    private final int uid;
    private final int umask;
    private final Map<String, String> ownEnv = System.getenv();
    private final UserPrincipal self;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lvsh-warm-timer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong lastActive = new AtomicLong(System.nanoTime());
    private final Instant started = Instant.now();
    private volatile ServerSocketChannel listening;
    private volatile boolean stopping;

    private WarmServer(Path socket, long idleSeconds, int umask) throws IOException {
        this.socket = socket;
        this.idleMillis = idleSeconds * 1000;
        this.uid = WarmPlace.uid();
        this.umask = umask;
        this.self = Files.getOwner(socket.getParent(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Serves on {@code socket} until idle for {@code idleSeconds} or asked to stop. Returns at once when the
     * socket's directory is not private or another server holds it.
     *
     * @param umask the umask of the process that started it (its callers must have the same)
     */
    public static void serve(Path socket, long idleSeconds, int umask) throws IOException {
        Path dir = socket.getParent();
        if (dir == null || WarmPlace.problem(dir, WarmPlace.uid()) != null) {
            return;
        }
        String name = socket.getFileName().toString().replaceFirst("\\.sock$", "");
        try (FileChannel lockFile = FileChannel.open(dir.resolve(name + ".lock"), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                return; // another server is alive for this socket
            }
            lockFile.truncate(0);
            lockFile.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(
                    StandardCharsets.US_ASCII)));
            new WarmServer(socket, idleSeconds, umask).run(dir.resolve(name + ".starting"));
        }
    }

    private void run(Path startingMark) throws IOException {
        Files.deleteIfExists(socket); // a dead server's: the lock says none is alive
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket), 128);
            listening = server;
            Files.deleteIfExists(startingMark);
            timer.scheduleWithFixedDelay(this::closeWhenIdle, 1, 1, TimeUnit.SECONDS);
            while (!stopping) {
                SocketChannel caller;
                try {
                    caller = server.accept();
                } catch (ClosedChannelException e) { // stop() closed it
                    break;
                }
                admit(caller);
            }
        } finally {
            Files.deleteIfExists(socket);
        }
        awaitCallers();
    }

    private void admit(SocketChannel caller) throws IOException {
        try {
            if (!self.equals(caller.getOption(ExtendedSocketOptions.SO_PEERCRED).user())) {
                caller.close(); // not our user (root included): nothing to say to them
                return;
            }
        } catch (IOException | UnsupportedOperationException e) {
            caller.close();
            return;
        }
        if (active.incrementAndGet() > MAX_CALLERS || stopping) {
            active.decrementAndGet();
            try (caller) {
                Frames.write(ChannelStreams.out(caller), 'L', new byte[0], 0, 0);
            } catch (IOException e) {
                // gone already
            }
            return;
        }
        lastActive.set(System.nanoTime());
        // on a thread that never ends: a caller's SASL session must not end with its thread (ConnectionThreads)
        org.lvsh.libvirt.ConnectionThreads.run("lvsh-warm-caller", () -> {
            try {
                new WarmConnection(this, caller).serve();
            } finally {
                lastActive.set(System.nanoTime());
                active.decrementAndGet();
            }
        });
    }

    private void closeWhenIdle() {
        if (active.get() == 0 && System.nanoTime() - lastActive.get() > idleMillis * 1_000_000) {
            stop();
        }
    }

    /** No new callers; those being served finish (a command stuck in a native call is not waited for long). */
    void stop() {
        stopping = true;
        ServerSocketChannel s = listening;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void awaitCallers() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (active.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Closes a caller's channel unless the returned future is cancelled first. */
    ScheduledFuture<?> closeLater(SocketChannel channel, long delay, TimeUnit unit) {
        return timer.schedule(() -> {
            try {
                channel.close();
            } catch (IOException e) {
                // closed
            }
        }, delay, unit);
    }

    /** Why this server must not run the request, or null: its process environment is not the caller's. */
    String handBackReason(WarmRequest request) {
        if (request.umask() != umask) {
            return "another umask";
        }
        String differs = WarmKey.difference(request.env(), ownEnv);
        if (differs != null) {
            return differs + " differs";
        }
        return OwnProcess.forEnvironment(request.env());
    }

    int uid() {
        return uid;
    }

    /** Counts the runs taken (one given back to its caller is taken back). */
    void served(int change) {
        served.addAndGet(change);
    }

    /** What lvsh server status shows: NAME=VALUE lines. */
    String status() {
        Runtime rt = Runtime.getRuntime();
        return "pid=" + ProcessHandle.current().pid() + "\n"
                + "socket=" + socket + "\n"
                + "started=" + started + "\n"
                + "served=" + served.get() + "\n"
                + "running=" + (active.get() - 1) + "\n" // not counting the one asking
                + "idle_seconds=" + idleMillis / 1000 + "\n"
                + "heap_used_kib=" + (rt.totalMemory() - rt.freeMemory()) / 1024 + "\n"
                + "heap_max_kib=" + rt.maxMemory() / 1024 + "\n";
    }
}
