package org.lvsh.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed parameters an event carries (tunable), in libvirt's order. Structured output shows them as one object
 * under libvirt's names, numbers as numbers; a parameter of a type lvsh does not know is left out, as virsh leaves
 * it out of its text.
 */
public record EventParams(List<TypedParam> list) {
    public EventParams {
        list = List.copyOf(list);
    }

    @JsonValue
    public Map<String, Object> byField() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (TypedParam p : list) {
            if (p.type() != TypedParam.Type.UNKNOWN) {
                fields.put(p.field(), StatsKeys.jsonValue(p));
            }
        }
        return fields;
    }
}
