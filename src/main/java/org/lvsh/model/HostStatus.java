package org.lvsh.model;

/**
 * One row of {@code hosts}: a host's name and URI, and for the hosts of the current set how they answered.
 * {@code state}: connected, lost, unreachable, or "-" for a known host outside the current set.
 */
public record HostStatus(String name, String uri, String state, String libvirtVersion, Integer domains,
                         String error) {
}
