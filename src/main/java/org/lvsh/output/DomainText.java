package org.lvsh.output;

import java.util.List;
import org.lvsh.model.DomainDetails;
import org.lvsh.model.DomainState;
import org.lvsh.model.DomainStatus;
import org.lvsh.model.DomainSummary;

/** virsh's text for the domain commands. */
public final class DomainText {
    private DomainText() {
    }

    /** virsh list's script forms: uuid, id, name in that order, whatever order the options came in. */
    public static Output.TextView idLines(List<DomainSummary> rows, boolean uuid, boolean id, boolean name) {
        return out -> idLineList(rows, uuid, id, name).forEach(out::println);
    }

    public static List<String> idLineList(List<DomainSummary> rows, boolean uuid, boolean id, boolean name) {
        List<String> lines = new java.util.ArrayList<>();
        {
            for (DomainSummary d : rows) {
                if (id && !uuid && !name && d.id() == null) {
                    continue; // --id alone lists running domains only
                }
                StringBuilder line = new StringBuilder();
                if (uuid) {
                    line.append(d.uuid());
                }
                if (id) {
                    line.append(line.length() > 0 ? " " : "").append(idText(d.id()));
                }
                if (name) {
                    line.append(uuid || id ? " " : "").append(d.name());
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    public static String idText(Integer id) {
        return id == null ? "-" : id.toString();
    }

    /** list's state column: virsh's words, "saved" for a shut-off domain with a managed save image. */
    public static String stateText(DomainSummary d, boolean markSaved) {
        if (markSaved && d.state() == DomainState.SHUTOFF && Boolean.TRUE.equals(d.managedSave())) {
            return "saved";
        }
        return d.state().text();
    }

    /** dominfo. Values that come from the domain's definition are shown with control characters escaped. */
    public static Output.TextView details(DomainDetails d) {
        return out -> {
            out.printf("%-15s %s\n", "Id:", idText(d.id()));
            out.printf("%-15s %s\n", "Name:", DisplayWidth.oneLine(d.name()));
            out.printf("%-15s %s\n", "UUID:", d.uuid());
            if (d.osType() != null) {
                out.printf("%-15s %s\n", "OS Type:", DisplayWidth.oneLine(d.osType()));
            }
            out.printf("%-15s %s\n", "State:", d.state().text());
            out.printf("%-15s %d\n", "CPU(s):", d.vcpus());
            if (d.cpuTimeNs() != null) {
                out.printf("%-15s %.1fs\n", "CPU time:", d.cpuTimeNs() / 1_000_000_000.0);
            }
            if (d.maxMemoryKib() != null) {
                out.printf("%-15s %d KiB\n", "Max memory:", d.maxMemoryKib());
            } else {
                out.printf("%-15s %s\n", "Max memory:", "no limit");
            }
            out.printf("%-15s %d KiB\n", "Used memory:", d.usedMemoryKib());
            out.printf("%-15s %s\n", "Persistent:", d.persistent() == null ? "unknown" : d.persistent() ? "yes" : "no");
            if (d.autostart() != null) {
                out.printf("%-15s %s\n", "Autostart:", d.autostart() ? "enable" : "disable");
            }
            out.printf("%-15s %s\n", "Managed save:",
                    d.managedSave() == null ? "unknown" : d.managedSave() ? "yes" : "no");
            if (d.security() != null) {
                out.printf("%-15s %s\n", "Security model:", DisplayWidth.oneLine(d.security().model()));
                out.printf("%-15s %s\n", "Security DOI:", DisplayWidth.oneLine(d.security().doi()));
                if (d.security().label() != null) {
                    out.printf("%-15s %s (%s)\n", "Security label:", DisplayWidth.oneLine(d.security().label()),
                            Boolean.TRUE.equals(d.security().enforcing()) ? "enforcing" : "permissive");
                }
            }
            for (int i = 0; i < d.messages().size(); i++) {
                out.printf("%-15s %s\n", i == 0 ? "Messages:" : "", DisplayWidth.oneLine(d.messages().get(i)));
            }
        };
    }

    public static Output.TextView status(DomainStatus s, boolean reason) {
        return out -> out.println(reason ? s.state().text() + " (" + s.reason() + ")" : s.state().text());
    }
}
