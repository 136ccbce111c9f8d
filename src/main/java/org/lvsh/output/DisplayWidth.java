package org.lvsh.output;

import org.jline.utils.WCWidth;

/** Terminal columns a string takes (wide CJK characters take two, combining marks none). */
public final class DisplayWidth {
    private DisplayWidth() {
    }

    public static int of(String s) {
        if (printableAscii(s)) {
            return s.length(); // the common case, without a table lookup per character
        }
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return width;
    }

    /**
     * Control characters written as \xHH so that a hostile name cannot move the cursor or clear the screen, as
     * virsh's tables do; a backslash before an x is escaped too, so that the escapes stay unambiguous.
     */
    public static String safe(String s) {
        return escape(s, true);
    }

    /** Control characters (a newline too) as \xHH: what an error line quotes stays on one clean line. */
    public static String oneLine(String s) {
        return escape(s, false);
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String escape(String s, boolean backslashX) {
        if (!backslashX && printableAscii(s)) {
            return s;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)
                    || backslashX && c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'x') {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
