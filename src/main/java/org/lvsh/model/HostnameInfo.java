package org.lvsh.model;

/** hostname: the hypervisor host's name. */
public record HostnameInfo(String hostname) {
}
