package org.lvsh.output;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lvsh.model.Sysinfo;

/**
 * sysinfo as text (virsh prints the XML): one-of sections as "Label: value" blocks, the sections a host has
 * several of (processors, memory devices) as tables with a column per entry name, OEM strings numbered.
 */
public final class SysinfoText {
    private SysinfoText() {
    }

    public static void render(Sysinfo s, Output out) {
        List<Runnable> parts = new ArrayList<>();
        block(parts, out, "BIOS", s.bios());
        block(parts, out, "System", s.system());
        for (int i = 0; i < s.baseBoards().size(); i++) {
            block(parts, out, s.baseBoards().size() == 1 ? "Base board" : "Base board " + (i + 1),
                    s.baseBoards().get(i));
        }
        block(parts, out, "Chassis", s.chassis());
        table(parts, out, "Processors", s.processors());
        table(parts, out, "Memory devices", s.memoryDevices());
        if (!s.oemStrings().isEmpty()) {
            parts.add(() -> {
                out.println("OEM strings:");
                for (int i = 0; i < s.oemStrings().size(); i++) {
                    out.println("  " + (i + 1) + ": " + DisplayWidth.oneLine(s.oemStrings().get(i)));
                }
            });
        }
        if (parts.isEmpty()) {
            out.println("No SMBIOS data (sysinfo type " + (s.type() == null ? "unknown" : s.type()) + ")");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.println("");
            }
            parts.get(i).run();
        }
    }

    private static void block(List<Runnable> parts, Output out, String title, Map<String, String> entries) {
        if (entries == null || entries.isEmpty()) {
            return;
        }
        parts.add(() -> {
            out.println(title + ":");
            int width = 0;
            for (String name : entries.keySet()) {
                width = Math.max(width, DisplayWidth.of(label(name)) + 1);
            }
            for (Map.Entry<String, String> e : entries.entrySet()) {
                String label = label(e.getKey()) + ":";
                out.println("  " + label + " ".repeat(width - DisplayWidth.of(label) + 1)
                        + DisplayWidth.oneLine(e.getValue()));
            }
        });
    }

    private static void table(List<Runnable> parts, Output out, String title, List<Map<String, String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.keySet()));
        List<String> columns = List.copyOf(names);
        parts.add(() -> {
            out.println(title + ":");
            Table table = new Table(columns.stream().map(SysinfoText::label).toArray(String[]::new));
            for (Map<String, String> row : rows) {
                table.row(columns.stream().map(c -> DisplayWidth.oneLine(row.getOrDefault(c, "-"))).toArray());
            }
            out.table(table);
        });
    }

    /** socket_destination -> Socket destination; libvirt's names, made readable. */
    static String label(String name) {
        String words = DisplayWidth.oneLine(name).replace('_', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
