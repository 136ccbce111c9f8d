package org.lvsh.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One domain's answer to virConnectGetAllDomainStats / virDomainListGetStats: its name, UUID, id (-1 when it is not
 * running; read from libvirt's domain object, no call to the daemon) and libvirt's typed parameters in libvirt's
 * order. Text prints the parameters as virsh does; JSON is {@link StatsKeys#record}: typed groups with the units in
 * the keys, and what lvsh does not know under "other" with libvirt's key.
 */
public record DomainStatsRecord(String name, String uuid, int id, List<TypedParam> params) {
    public DomainStatsRecord(String name, String uuid, List<TypedParam> params) {
        this(name, uuid, -1, params);
    }

    @JsonValue
    public Map<String, Object> json() {
        return StatsKeys.record(this);
    }
}
