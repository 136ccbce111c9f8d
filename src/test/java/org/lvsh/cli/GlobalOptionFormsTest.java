package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lvsh.support.Run;

/** lvsh's own options take their value as virsh's do: the next word, or attached with '='. */
class GlobalOptionFormsTest {
    @Test
    void attachedValuesAsVirshTakesThem() {
        assertEquals(Run.virsh("--connect=test:///default", "uri"), Run.lvsh("--connect=test:///default", "uri"));
        assertEquals(Run.virsh("--connect", "test:///default", "hostname"),
                Run.lvsh("--connect", "test:///default", "hostname"));
        assertEquals(new Run.Result(0, "{\n  \"uri\": \"test:///default\"\n}\n", ""),
                Run.lvsh("--output=json", "--connect=test:///default", "uri"));
        assertEquals(Run.virsh("-c", "test:///default", "--keepalive-interval=0", "uri"),
                Run.lvsh("-c", "test:///default", "--keepalive-interval=0", "uri"));
    }
}
