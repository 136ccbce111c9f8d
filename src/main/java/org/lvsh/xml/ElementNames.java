package org.lvsh.xml;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An element whose children's names are the data: {@code <power_management><suspend_mem/></power_management>}. */
final class ElementNames {
    private final List<String> names = new ArrayList<>();

    @JsonAnySetter
    void add(String name, JsonNode ignored) {
        // "" is stray text beside the children, not a child.
        if (!name.isEmpty() && !names.contains(name)) {
            names.add(name);
        }
    }

    List<String> names() {
        return Collections.unmodifiableList(names);
    }

    static List<String> of(ElementNames e) {
        return e == null ? List.of() : e.names();
    }
}
