package org.lvsh.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One domain event as lvsh reports it. {@code event} is virsh's event name (lifecycle, reboot, io-error, ...);
 * the other fields apply to some kinds only and are left out of the JSON where they do not.
 *
 * @param timestamp when lvsh received it, ISO-8601 UTC with milliseconds
 * @param type lifecycle: the event ("started", "stopped", ...); agent-lifecycle: the agent state
 * @param detail lifecycle: the detail ("booted", "destroyed", ...); agent-lifecycle: the reason
 */
public record DomainEventRecord(String timestamp, String event, String domain, String uuid,
                                @JsonInclude(Include.NON_NULL) String type,
                                @JsonInclude(Include.NON_NULL) String detail,
                                @JsonInclude(Include.NON_NULL) String srcPath,
                                @JsonInclude(Include.NON_NULL) String devAlias,
                                @JsonInclude(Include.NON_NULL) String action) {
}
