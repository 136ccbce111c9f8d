package org.lvsh.libvirt;

/** Opening a connection failed: unreachable, refused, or authentication did not succeed. */
public final class ConnectionFailure extends RuntimeException {
    public enum Kind { UNREACHABLE, AUTHENTICATION, NO_TERMINAL }

    private final Kind kind;
    private final transient LibvirtError error;

    public ConnectionFailure(Kind kind, LibvirtError error) {
        super(error == null ? kind.name() : error.message());
        this.kind = kind;
        this.error = error;
    }

    public Kind kind() {
        return kind;
    }

    /** libvirt's reason; null when libvirt was never asked (no terminal for credentials). */
    public LibvirtError error() {
        return error;
    }
}
