package org.lvsh.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.lvsh.model.DomainEventRecord;

/** virsh's event lines: "event 'lifecycle' for domain 'web': Started Booted", optionally time-stamped. */
public final class EventText {
    // virTimeStringNowRaw: always UTC, written as +0000
    private static final DateTimeFormatter VIRSH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+0000'")
            .withZone(ZoneOffset.UTC);

    private EventText() {
    }

    public static String line(DomainEventRecord e, boolean timestamp) {
        String text = switch (e.event()) {
            case "lifecycle" -> String.format("event 'lifecycle' for domain '%s': %s %s", e.domain(), e.type(),
                    e.detail());
            case "io-error" -> String.format("event 'io-error' for domain '%s': %s (%s) %s", e.domain(), e.srcPath(),
                    e.devAlias(), e.action());
            case "agent-lifecycle" -> String.format("event 'agent-lifecycle' for domain '%s': state: '%s' reason: '%s'",
                    e.domain(), e.type(), e.detail());
            default -> String.format("event '%s' for domain '%s'", e.event(), e.domain());
        };
        text = DisplayWidth.oneLine(text); // names and paths come from domain definitions
        return timestamp ? VIRSH_TIME.format(Instant.parse(e.timestamp())) + ": " + text : text;
    }
}
