package org.lvsh.model;

/** virNodeGetInfo, as nodeinfo shows it. */
public record NodeInfo(String cpuModel, int cpus, int mhz, int sockets, int coresPerSocket, int threadsPerCore,
                       int numaCells, long memoryKib) {
}
