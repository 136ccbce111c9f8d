package org.lvsh.output;

import java.util.List;
import java.util.Locale;
import org.lvsh.model.DomainStatsRecord;
import org.lvsh.model.TypedParam;

/**
 * virsh's domstats text: "Domain: 'NAME'", then "  field=value" for each parameter in libvirt's order, records
 * separated by a blank line. Values print as virsh's vshGetTypedParamValue prints them: integers in decimal
 * (unsigned ones unsigned), doubles as C's "%f", booleans "yes"/"no", strings as they are. virsh 9.0 has no
 * pretty-printing, so --raw changes nothing.
 */
public final class DomstatsText {
    private DomstatsText() {
    }

    public static Output.TextView of(List<DomainStatsRecord> records) {
        return out -> {
            boolean first = true;
            for (DomainStatsRecord r : records) {
                if (!first) {
                    out.println("");
                }
                first = false;
                out.println("Domain: '" + r.name() + "'");
                for (TypedParam p : r.params()) {
                    out.println("  " + p.field() + "=" + value(p));
                }
            }
        };
    }

    /** One value in virsh's words. */
    public static String value(TypedParam p) {
        Object v = p.value();
        return switch (p.type()) {
            case INT, UINT -> String.valueOf(v);
            case LLONG -> Long.toString((Long) v);
            case ULLONG -> Long.toUnsignedString((Long) v);
            case DOUBLE -> cDouble((Double) v);
            case BOOLEAN -> (Boolean) v ? "yes" : "no";
            case STRING -> v == null ? "(null)" : (String) v;
            case UNKNOWN -> "?"; // the command refuses such records first, as virsh does
        };
    }

    /** C's printf("%f"): six decimals, "nan", "inf" and "-inf" for what is not finite. */
    static String cDouble(double d) {
        if (Double.isNaN(d)) {
            return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(d)) {
            return d < 0 ? "-inf" : "inf";
        }
        return String.format(Locale.ROOT, "%f", d);
    }
}
