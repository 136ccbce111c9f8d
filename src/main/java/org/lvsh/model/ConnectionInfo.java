package org.lvsh.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * connect: what the connection is. encrypted/secure are null when the driver cannot tell; transport is how a
 * remote connection travels (ssh, libssh, libssh2, tls, tcp, unix, ext), null for a local driver.
 */
public record ConnectionInfo(String uri, boolean readonly, Boolean encrypted, Boolean secure, String driver,
                             @JsonInclude(Include.NON_NULL) String transport) {
    private static final java.util.Set<String> SSH = java.util.Set.of("ssh", "libssh", "libssh2");

    /** libvirt's flag sees only the pipe to the ssh program: over ssh the transport itself encrypts. */
    public boolean encryptedByTransport() {
        return transport != null && SSH.contains(transport);
    }
}
