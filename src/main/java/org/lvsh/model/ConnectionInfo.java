package org.lvsh.model;

/** connect: what the connection is. encrypted/secure are null when the driver cannot tell. */
public record ConnectionInfo(String uri, boolean readonly, Boolean encrypted, Boolean secure, String driver) {
}
