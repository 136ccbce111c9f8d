package org.lvsh.libvirt;

/** Opening a connection failed: unreachable, refused, or authentication did not succeed. */
public final class ConnectionFailure extends RuntimeException {
    /** INTERRUPTED: Ctrl-C while the connection was being made (at a credential prompt, say). */
    public enum Kind { UNREACHABLE, AUTHENTICATION, NO_TERMINAL, INTERRUPTED }

    private final Kind kind;
    private final String uri;
    private final transient LibvirtError error;

    public ConnectionFailure(Kind kind, String uri, LibvirtError error) {
        super(error == null ? kind.name() : error.message());
        this.kind = kind;
        this.uri = uri;
        this.error = error;
    }

    /** A failure lvsh found before asking libvirt (no libvirt error to carry). */
    public ConnectionFailure(Kind kind, String uri, String message) {
        super(message);
        this.kind = kind;
        this.uri = uri;
        this.error = null;
    }

    /** The URI that was asked for; null for libvirt's default. */
    public String uri() {
        return uri;
    }

    public Kind kind() {
        return kind;
    }

    /** libvirt's reason; null when libvirt was never asked. */
    public LibvirtError error() {
        return error;
    }
}
