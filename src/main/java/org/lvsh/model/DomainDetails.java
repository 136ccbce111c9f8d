package org.lvsh.model;

import java.util.List;

/**
 * dominfo. id null when inactive; cpu_time_ns null when libvirt reports none; max_memory_kib null for "no limit";
 * persistent/autostart/managed_save null when the driver cannot tell; security null without a security model; messages
 * are libvirt's warnings about the domain (taint, deprecation).
 */
public record DomainDetails(Integer id, String name, String uuid, String osType, DomainState state, int vcpus,
                            Long cpuTimeNs, Long maxMemoryKib, long usedMemoryKib, Boolean persistent,
                            Boolean autostart, Boolean managedSave, Security security, List<String> messages) {

    /** label null for inactive domains, which have none. */
    public record Security(String model, String doi, String label, Boolean enforcing) {
    }
}
