package org.lvsh.libvirt;

import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.event.ConnectionCloseReason;
import org.lvsh.libvirt.jna.AuthCallback;
import org.lvsh.libvirt.jna.ErrorCapture;
import org.lvsh.libvirt.jna.NativeConnection;

/** One open libvirt connection. Closed explicitly: the binding would otherwise leave it to a finalizer. */
public final class Connection implements AutoCloseable {
    private static final int OPEN_READONLY = 1;

    private final NativeConnection connect;
    private final boolean readOnly;
    private final String uri;
    private EventHub events;
    private volatile String lostReason;
    private boolean watching;
    private boolean closed;

    private Connection(NativeConnection connect, boolean readOnly) {
        this.connect = connect;
        this.readOnly = readOnly;
        this.uri = connect.uri();
    }

    /** This connection's domain events (watched for loss: a watch says why it ended). */
    public synchronized EventHub events() {
        if (events == null) {
            watchForLoss();
            events = new EventHub(connect);
        }
        return events;
    }

    /**
     * Opens a connection. {@code uri} null means libvirt's own default. Keepalive is set up when
     * {@code keepalive} asks for it; an explicit request that the driver cannot honour fails the open, as virsh.
     */
    public static Connection open(String uri, boolean readOnly, CredentialPrompter prompter, Keepalive keepalive) {
        checkNodeFile(uri);
        AuthCallback auth = new AuthCallback(prompter);
        NativeConnection connect;
        try {
            connect = NativeConnection.open(uri, auth, readOnly ? OPEN_READONLY : 0);
        } catch (LibvirtFailure e) {
            LibvirtError error = e.error();
            if (Thread.currentThread().isInterrupted() || interruptedAtTheTransportsPrompt(uri)) {
                // Ctrl-C: libvirt's reason ("Failed to collect auth credentials", ssh's reset pipe) is not why
                throw new ConnectionFailure(ConnectionFailure.Kind.INTERRUPTED, uri, error);
            }
            if (auth.lackedTerminal()) {
                throw new ConnectionFailure(ConnectionFailure.Kind.NO_TERMINAL, uri, error);
            }
            boolean refused = error.is(ErrorNumber.VIR_ERR_AUTH_FAILED) || error.is(ErrorNumber.VIR_ERR_AUTH_CANCELLED)
                    || error.is(ErrorNumber.VIR_ERR_AUTH_UNAVAILABLE);
            throw new ConnectionFailure(refused ? ConnectionFailure.Kind.AUTHENTICATION
                    : ConnectionFailure.Kind.UNREACHABLE, uri, error);
        }
        Connection c;
        try {
            c = new Connection(connect, readOnly);
        } catch (LibvirtFailure e) {
            connect.close();
            throw new ConnectionFailure(ConnectionFailure.Kind.UNREACHABLE, uri, e.error());
        }
        try {
            c.startKeepalive(keepalive);
        } catch (LibvirtFailure e) {
            c.close();
            throw new ConnectionFailure(ConnectionFailure.Kind.UNREACHABLE, uri, e.error());
        }
        return c;
    }

    /** How long a failed open through ssh waits for the Ctrl-C that may have ended it (see below). */
    private static final long SIGNAL_GRACE_MILLIS = 200;

    /**
     * ssh (and an ext transport's program) asks for its password on the terminal itself: Ctrl-C there ends it with
     * the same SIGINT that makes the shell interrupt this thread, and libvirt often sees the broken pipe first
     * ("Cannot recv data: Connection reset by peer"). A moment's wait lets that interrupt land, so the failure is
     * said for what it is.
     */
    private static boolean interruptedAtTheTransportsPrompt(String uri) {
        if (uri == null || !uri.matches("(?i)[a-z0-9]+\\+(ssh|ext):.*")) {
            return false;
        }
        try {
            Thread.sleep(SIGNAL_GRACE_MILLIS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * The test driver hands a missing node file to libxml2, whose loader prints an "I/O warning" straight to
     * stderr before libvirt reports anything; lvsh says what is wrong instead.
     */
    private static void checkNodeFile(String uri) {
        if (uri == null || !uri.startsWith("test:///") || uri.startsWith("test:///default")) {
            return;
        }
        String path = uri.substring("test://".length());
        int query = path.indexOf('?');
        java.nio.file.Path file = java.nio.file.Paths.get(query < 0 ? path : path.substring(0, query));
        if (!java.nio.file.Files.isReadable(file) || java.nio.file.Files.isDirectory(file)) {
            throw new ConnectionFailure(ConnectionFailure.Kind.UNREACHABLE, uri, "cannot read the test driver's "
                    + "node file '" + file + "': " + (java.nio.file.Files.exists(file)
                    ? "not a readable file" : "No such file or directory"));
        }
    }

    private void startKeepalive(Keepalive keepalive) {
        if (keepalive.interval() <= 0 || !EventLoop.running() && !keepalive.forced()) {
            return;
        }
        try {
            connect.binding().setKeepAlive(keepalive.interval(), keepalive.count());
        } catch (LibvirtException e) {
            if (keepalive.forced()) {
                throw new LibvirtFailure(LibvirtError.of(1, 0,
                        "cannot set up keepalive on connection as requested: " + ErrorCapture.of(e).message()));
            }
        }
    }

    /**
     * Learns why the connection is lost, should it be (a close callback; without one, {@link #lostReason} can only
     * say it is no longer alive). Only for connections that live on (the shell's, a watch's): registering and
     * unregistering cost a remote connection two round-trips, which a one-shot command does not pay.
     */
    public synchronized void watchForLoss() {
        if (watching || closed || !EventLoop.running() || uri == null || uri.startsWith("test:")) {
            return; // the test driver runs in this process: it cannot be lost
        }
        try {
            connect.binding().registerCloseListener((conn, reason) -> lostReason = describe(reason));
            watching = true;
        } catch (LibvirtException e) {
            // a driver without close callbacks: lostReason asks whether the connection is alive
        }
    }

    private static String describe(ConnectionCloseReason reason) {
        return switch (reason) {
            case EOF -> "the other end closed the connection";
            case KEEPALIVE -> "the peer stopped answering keepalive messages";
            case ERROR -> "a network or protocol error occurred";
            case CLIENT -> "closed by lvsh";
            default -> "closed for an unknown reason";
        };
    }

    /** The binding's Connect, made on first use (see {@link NativeConnection}). */
    Connect binding() {
        return connect.binding();
    }

    /** The connection as lvsh's direct libvirt calls take it. */
    NativeConnection handle() {
        return connect;
    }

    /** The URI libvirt reports for this connection (the canonical one, not necessarily what was typed). */
    public String uri() {
        return uri;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Why the connection went away, or null while it is usable. */
    public String lostReason() {
        if (lostReason == null && !closed) {
            try {
                if (!connect.isAlive()) {
                    lostReason = "the connection is no longer alive";
                }
            } catch (LibvirtFailure e) {
                lostReason = e.error().message();
            }
        }
        return lostReason;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (events != null) {
            events.close();
        }
        try {
            if (watching) {
                connect.binding().unregisterCloseListener();
            }
        } catch (LibvirtException e) {
            // the connection is gone already: nothing to undo
        }
        connect.close();
    }
}
