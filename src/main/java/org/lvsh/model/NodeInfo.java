package org.lvsh.model;

import java.math.BigInteger;

/**
 * virNodeGetInfo, as nodeinfo shows it. libvirt's fields are unsigned (unsigned int, and unsigned long for the
 * memory): the record holds their real values.
 */
public record NodeInfo(String cpuModel, long cpus, long mhz, long sockets, long coresPerSocket, long threadsPerCore,
                       long numaCells, BigInteger memoryKib) {
}
