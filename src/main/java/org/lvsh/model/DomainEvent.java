package org.lvsh.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/**
 * One domain event as lvsh reports it: when lvsh received it (ISO-8601 UTC with milliseconds), virsh's name of
 * its kind ({@code event}), the domain's name and UUID, then what that kind carries. Words are virsh's ("Started",
 * "Booted", "opened"); numbers are numbers, with the unit in the key. {@link EventColumns} lists each kind's keys.
 */
public sealed interface DomainEvent {
    String timestamp();

    String event();

    String domain();

    String uuid();

    /**
     * lifecycle: virsh's words for the event and its detail ("Started", "Booted").
     */
    record Lifecycle(String timestamp, String event, String domain, String uuid, String type, String detail)
            implements DomainEvent {
    }

    /** An event that carries nothing more: reboot, control-error, pm-wakeup, pm-suspend, pm-suspend-disk. */
    record Plain(String timestamp, String event, String domain, String uuid) implements DomainEvent {
    }

    /** rtc-change: the guest's new RTC offset from UTC. */
    record RtcChange(String timestamp, String event, String domain, String uuid, long utcOffsetS)
            implements DomainEvent {
    }

    /** watchdog: what is done because the watchdog fired ("none", "pause", "reset", ...). */
    record Watchdog(String timestamp, String event, String domain, String uuid, String action)
            implements DomainEvent {
    }

    /**
     * io-error and io-error-reason: the host file, the guest device and what is done ("none", "pause",
     * "report"); io-error-reason adds libvirt's reason ("enospc", or empty).
     */
    record IoError(String timestamp, String event, String domain, String uuid, String srcPath, String devAlias,
                   String action, @JsonInclude(Include.NON_NULL) String reason) implements DomainEvent {
    }

    /** graphics: a client of the domain's display: the phase ("connect", ...), both ends, who it is. */
    record Graphics(String timestamp, String event, String domain, String uuid, String phase, Address local,
                    Address remote, String authScheme, List<Identity> subject) implements DomainEvent {
        /** One end of the connection: "IPv4", "IPv6" or "unix", the address, the port (libvirt's strings). */
        public record Address(String family, String node, String service) {
        }

        /** One identity of the authenticated client ("x509dname", "saslUsername", ...). */
        public record Identity(String type, String name) {
        }
    }

    /**
     * block-job and block-job-2: the disk (block-job: the host path of its active layer; block-job-2: the
     * target, "vda"), virsh's words for the job ("Block Copy") and its status ("completed", "ready", ...).
     */
    record BlockJob(String timestamp, String event, String domain, String uuid, String disk, String jobType,
                    String status) implements DomainEvent {
    }

    /** disk-change: removable media changed (or a disk dropped) because its source was missing at start. */
    record DiskChange(String timestamp, String event, String domain, String uuid, String oldSrcPath,
                      String newSrcPath, String devAlias, String reason) implements DomainEvent {
    }

    /** tray-change: a removable device's tray "opened" or "closed". */
    record TrayChange(String timestamp, String event, String domain, String uuid, String devAlias, String reason)
            implements DomainEvent {
    }

    /** balloon-change: the balloon's new size. */
    record BalloonChange(String timestamp, String event, String domain, String uuid, Number actualKib)
            implements DomainEvent {
    }

    /** device-added, device-removed, device-removal-failed: the device's alias. */
    record Device(String timestamp, String event, String domain, String uuid, String devAlias)
            implements DomainEvent {
    }

    /** tunable: the tunables that changed, under libvirt's names ("cputune.vcpupin0"). */
    record Tunable(String timestamp, String event, String domain, String uuid, EventParams params)
            implements DomainEvent {
    }

    /**
     * agent-lifecycle: the guest agent's state ("connected", "disconnected") and the reason ("domain started",
     * "channel event"), under the keys lvsh's first release gave them.
     */
    record AgentLifecycle(String timestamp, String event, String domain, String uuid, String type, String detail)
            implements DomainEvent {
    }

    /** migration-iteration: a new pass over the guest's memory started. */
    record MigrationIteration(String timestamp, String event, String domain, String uuid, int iteration)
            implements DomainEvent {
    }

    /** job-completed: the statistics of the job that ended (a migration, a save...). */
    record JobCompleted(String timestamp, String event, String domain, String uuid, JobStats stats)
            implements DomainEvent {
    }

    /** metadata-change: which metadata changed ("description", "title", "element") and, for an element, its URI. */
    record MetadataChange(String timestamp, String event, String domain, String uuid, String type, String nsuri)
            implements DomainEvent {
    }

    /** block-threshold: a disk (or backing element, "vda[1]") was written past its threshold. */
    record BlockThreshold(String timestamp, String event, String domain, String uuid, String disk, String srcPath,
                          Number thresholdBytes, Number excessBytes) implements DomainEvent {
    }

    /** memory-failure: a hardware memory error, who got it ("hypervisor", "guest"), what was done, its flags. */
    record MemoryFailure(String timestamp, String event, String domain, String uuid, String recipient,
                         String action, boolean actionRequired, boolean recursive) implements DomainEvent {
    }

    /** memory-device-size-change: a memory device (virtio-mem) has a new current size. */
    record MemoryDeviceSizeChange(String timestamp, String event, String domain, String uuid, String devAlias,
                                  Number sizeKib) implements DomainEvent {
    }
}
