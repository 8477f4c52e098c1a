package org.pledgepad.auth.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small, strict command-line parser: {@code --name value} options (some repeatable), boolean
 * flags and positional arguments. Unknown options and missing values are errors, so a typo
 * (--rol ADMIN) never silently falls back to a default.
 */
final class Args {
  private final Map<String, List<String>> options = new HashMap<>();
  private final Set<String> flags;
  private final List<String> positional = new ArrayList<>();

  private Args(Set<String> flags) {
    this.flags = flags;
  }

  /**
   * @param valued   options that take a value
   * @param repeated of those, the ones that may appear more than once
   * @param flags    options without value
   */
  static Args parse(String[] argv, Set<String> valued, Set<String> repeated, Set<String> flags)
      throws UsageException {
    Args a = new Args(flags);
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      if (arg.startsWith("--")) {
        String name = arg.substring(2);
        if (flags.contains(name)) {
          a.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
        } else if (valued.contains(name)) {
          if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) {
            throw new UsageException("option --" + name + " needs a value");
          }
          List<String> values = a.options.computeIfAbsent(name, k -> new ArrayList<>());
          if (!values.isEmpty() && !repeated.contains(name)) {
            throw new UsageException("option --" + name + " given twice");
          }
          values.add(argv[++i]);
        } else {
          throw new UsageException("unknown option --" + name);
        }
      } else {
        a.positional.add(arg);
      }
    }
    return a;
  }

  String get(String name) {
    List<String> v = options.get(name);
    return v == null ? null : v.get(0);
  }

  String require(String name) throws UsageException {
    String v = get(name);
    if (v == null) {
      throw new UsageException("option --" + name + " is required");
    }
    return v;
  }

  List<String> all(String name) {
    return options.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return flags.contains(name) && options.containsKey(name);
  }

  List<String> positional() {
    return positional;
  }
}
