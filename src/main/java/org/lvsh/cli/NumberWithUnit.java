package org.lvsh.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A number the command reads itself from text, because it may carry a unit (--pagesize 2M). Usage errors call it
 * a number, as virsh does for its scaled integer options.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface NumberWithUnit {
}
