package org.cabackoffice.security.camunda;

import java.lang.reflect.Field;
import java.util.Optional;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * The arguments a Camunda command carries in its fields (task id, user id, submitted variables,
 * whether a due date was given): the engine offers no accessors, and the interceptors that judge
 * a command before it runs need to read, and in one case narrow, them.
 */
final class CommandFields {

  private CommandFields() {}

  /** The field's value, or empty when the command has no such field or it is null. */
  static Optional<Object> read(Command<?> command, String name) {
    Field field = find(command.getClass(), name);
    if (field == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(field.get(command));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  /** The field's value if it is text. */
  static String text(Command<?> command, String name) {
    return read(command, name).map(value -> value instanceof String text ? text : value.toString()).orElse(null);
  }

  static void write(Command<?> command, String name, Object value) {
    Field field = find(command.getClass(), name);
    if (field == null) {
      throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
    }
    try {
      field.set(command, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field find(Class<?> start, String name) {
    for (Class<?> type = start; type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    return null;
  }
}
