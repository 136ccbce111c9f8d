package org.lvsh.model;

/** maxvcpus: the most virtual CPUs a guest of {@code type} may have (type null: the connection's default). */
public record MaxVcpus(String type, int maxVcpus) {
}
