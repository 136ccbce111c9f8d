package org.lvsh.cli;

import java.util.List;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's parse errors in virsh's words, so that a virsh user recognises them. Values that do not convert are
 * errors virsh finds when the command runs; the rest it finds while parsing the line.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    static Failure toFailure(ParameterException e) {
        String command = e.getCommandLine().getCommandName();
        boolean root = e.getCommandLine().getCommandSpec().parent() == null && "lvsh".equals(command);
        if (e instanceof UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            if (first.startsWith("-") && first.length() > 1) {
                return Failure.syntax(root ? "unsupported option '" + first + "'. See --help."
                        : "command '" + command + "' doesn't support option " + first);
            }
            return Failure.syntax("unexpected data '" + first + "'");
        }
        if (e instanceof OverwrittenOptionException o) {
            return Failure.syntax("option " + name(o.getOverwritten()) + " already seen");
        }
        if (e instanceof MissingParameterException m) {
            for (ArgSpec arg : m.getMissing()) {
                if (arg instanceof OptionSpec option) {
                    return Failure.syntax("expected syntax: " + option.longestName() + " <" + kind(option) + ">");
                }
                return Failure.syntax("command '" + command + "' requires " + arg.paramLabel() + " option");
            }
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null && e.getValue() != null && isNumeric(arg)) {
            return Failure.usage("Numeric value '" + e.getValue() + "' for <" + label(arg)
                    + "> option is malformed or out of range");
        }
        if (e.getCause() instanceof picocli.CommandLine.TypeConversionException conversion) {
            return Failure.usage(conversion.getMessage()); // our converters word their own messages
        }
        return Failure.syntax(message(e));
    }

    private static String message(ParameterException e) {
        String m = e.getMessage();
        return m == null ? "invalid command line" : m;
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : "<" + label(arg) + ">";
    }

    private static String label(ArgSpec arg) {
        if (arg instanceof OptionSpec o) {
            return o.longestName().replaceFirst("^-+", "");
        }
        return arg.paramLabel().replaceAll("[<>]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isNumeric(ArgSpec arg) {
        Class<?> t = arg.type();
        return t == int.class || t == Integer.class || t == long.class || t == Long.class;
    }

    private static String kind(OptionSpec option) {
        boolean withUnit = option.userObject() instanceof java.lang.reflect.Field f
                && f.isAnnotationPresent(NumberWithUnit.class);
        return isNumeric(option) || withUnit ? "number" : "string";
    }
}
