package org.lvsh.libvirt;

/**
 * virsh's -k/-K: send a keepalive every {@code interval} seconds, give up after {@code count} unanswered ones.
 * {@code forced}: the user asked explicitly, so a driver that cannot do it is an error.
 */
public record Keepalive(int interval, int count, boolean forced) {
    public static final Keepalive VIRSH_DEFAULT = new Keepalive(5, 6, false);
}
