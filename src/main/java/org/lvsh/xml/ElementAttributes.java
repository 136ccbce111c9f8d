package org.lvsh.xml;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An element whose children's names are the data and whose attributes qualify them:
 * {@code <features><pae/><acpi default='on' toggle='yes'/></features>}.
 */
final class ElementAttributes {
    private final Map<String, Map<String, String>> children = new LinkedHashMap<>();

    @JsonAnySetter
    void add(String name, JsonNode value) {
        if (name.isEmpty()) {
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        // An empty element arrives as "", one with attributes as an object of them.
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> f : value.properties()) {
                if (!f.getKey().isEmpty()) {
                    attributes.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText()
                            : f.getValue().toString());
                }
            }
        }
        children.put(name, Collections.unmodifiableMap(attributes));
    }

    static Map<String, Map<String, String>> of(ElementAttributes e) {
        return e == null ? Map.of() : Collections.unmodifiableMap(e.children);
    }
}
