package org.lvsh.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.lvsh.model.DomainEvent;
import org.lvsh.model.TypedParam;

/**
 * virsh 9.0's text of each event ("event 'lifecycle' for domain 'web': Started Booted"), optionally time-stamped;
 * a few kinds take several lines (tunable, job-completed, memory-failure, ...), as in virsh. Every value from
 * the domain or the daemon has its control characters escaped, so none can break the lines or drive the terminal.
 * Where virsh prints a missing string, the text says what C's printf says ("(null)"), or libvirt's "<null>"
 * where virsh asks for that.
 */
public final class EventText {
    // virTimeStringNowRaw: always UTC, written as +0000
    private static final DateTimeFormatter VIRSH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+0000'")
            .withZone(ZoneOffset.UTC);

    private EventText() {
    }

    /** The event's text without the final newline. */
    public static String text(DomainEvent e, boolean timestamp) {
        String text = body(e);
        return timestamp ? VIRSH_TIME.format(Instant.parse(e.timestamp())) + ": " + text : text;
    }

    private static String body(DomainEvent e) {
        String head = "event '" + e.event() + "' for domain '" + s(e.domain()) + "'";
        if (e instanceof DomainEvent.Lifecycle l) {
            return head + ": " + l.type() + " " + l.detail();
        }
        if (e instanceof DomainEvent.Plain) {
            return head;
        }
        if (e instanceof DomainEvent.RtcChange r) {
            return head + ": " + r.utcOffsetS();
        }
        if (e instanceof DomainEvent.Watchdog w) {
            return head + ": " + w.action();
        }
        if (e instanceof DomainEvent.IoError io) {
            String text = head + ": " + s(io.srcPath()) + " (" + s(io.devAlias()) + ") " + io.action();
            return io.reason() == null ? text : text + " due to " + s(io.reason());
        }
        if (e instanceof DomainEvent.Graphics g) {
            return graphics(head, g);
        }
        if (e instanceof DomainEvent.BlockJob b) {
            return head + ": " + b.jobType() + " for " + s(b.disk()) + " " + b.status();
        }
        if (e instanceof DomainEvent.DiskChange d) {
            return head + " disk " + s(d.devAlias()) + ": " + nullstr(d.oldSrcPath()) + " -> "
                    + nullstr(d.newSrcPath()) + ": " + d.reason();
        }
        if (e instanceof DomainEvent.TrayChange t) {
            return head + " disk " + s(t.devAlias()) + ": " + t.reason();
        }
        if (e instanceof DomainEvent.BalloonChange b) {
            return head + ": " + b.actualKib() + "KiB";
        }
        if (e instanceof DomainEvent.Device d) {
            return head + ": " + s(d.devAlias());
        }
        if (e instanceof DomainEvent.Tunable t) {
            return head + ":" + params(t.params().list());
        }
        if (e instanceof DomainEvent.AgentLifecycle a) {
            return head + ": state: '" + a.type() + "' reason: '" + a.detail() + "'";
        }
        if (e instanceof DomainEvent.MigrationIteration m) {
            return head + ": iteration: '" + m.iteration() + "'";
        }
        if (e instanceof DomainEvent.JobCompleted j) {
            return head + ":" + params(j.stats().list());
        }
        if (e instanceof DomainEvent.MetadataChange m) {
            return head + ": type " + m.type() + ", uri " + nullstr(m.nsuri());
        }
        if (e instanceof DomainEvent.BlockThreshold b) {
            return head + ": dev: " + s(b.disk()) + "(" + nullstr(b.srcPath()) + ") " + b.thresholdBytes() + " "
                    + b.excessBytes();
        }
        if (e instanceof DomainEvent.MemoryFailure m) {
            return head + ":\nrecipient: " + m.recipient() + "\naction: " + m.action() + "\nflags:\n\taction required: "
                    + (m.actionRequired() ? 1 : 0) + "\n\trecursive: " + (m.recursive() ? 1 : 0);
        }
        if (e instanceof DomainEvent.MemoryDeviceSizeChange m) {
            return head + ":\nalias: " + s(m.devAlias()) + "\nsize: " + m.sizeKib();
        }
        throw new IllegalArgumentException("no text for " + e.getClass().getSimpleName());
    }

    /** The phase, both ends and the auth scheme on one line, then a tab-indented line per identity. */
    private static String graphics(String head, DomainEvent.Graphics g) {
        StringBuilder text = new StringBuilder(head).append(": ").append(g.phase())
                .append(" local[").append(address(g.local())).append("] remote[").append(address(g.remote()))
                .append("] ").append(s(g.authScheme()));
        for (DomainEvent.Graphics.Identity id : g.subject()) {
            text.append("\n\t").append(s(id.type())).append('=').append(s(id.name()));
        }
        return text.toString();
    }

    private static String address(DomainEvent.Graphics.Address a) {
        return a == null ? "(null) (null) (null)" : a.family() + " " + s(a.node()) + " " + s(a.service());
    }

    /**
     * "\tfield: value" lines as libvirt's virTypedParameterToString writes values (a boolean as 1 or 0, a double
     * as %g); a parameter it has no text for (an unknown type, a null string) is left out, as virsh does.
     */
    private static String params(java.util.List<TypedParam> params) {
        StringBuilder text = new StringBuilder();
        for (TypedParam p : params) {
            String value = value(p);
            if (value != null) {
                text.append("\n\t").append(s(p.field())).append(": ").append(value);
            }
        }
        return text.toString();
    }

    private static String value(TypedParam p) {
        Object v = p.value();
        return switch (p.type()) {
            case INT, UINT, LLONG -> String.valueOf(v);
            case ULLONG -> Long.toUnsignedString((Long) v);
            case DOUBLE -> PrintfG.of((Double) v);
            case BOOLEAN -> (Boolean) v ? "1" : "0";
            case STRING -> v == null ? null : s((String) v);
            case UNKNOWN -> null;
        };
    }

    /** A string as C's printf("%s") prints it, control characters escaped. */
    private static String s(String value) {
        return value == null ? "(null)" : DisplayWidth.oneLine(value);
    }

    /** A string through libvirt's NULLSTR(), which virsh uses for values that may be missing. */
    private static String nullstr(String value) {
        return value == null ? "<null>" : DisplayWidth.oneLine(value);
    }
}
